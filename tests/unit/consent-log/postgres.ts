/**
 * A real PostgreSQL server for the consent log's tests: initdb in a temporary
 * folder, pg_ctl on a free port of 127.0.0.1 with its unix socket in that folder,
 * stopped and removed at the end. initdb refuses to run as root, so as root (CI)
 * the server runs as the system's `postgres` user.
 *
 * Where no PostgreSQL server programs are installed, the tests that need them fail,
 * saying what to install: they are never skipped.
 * PG_BIN names the programs' folder; by default the newest /usr/lib/postgresql/<n>/bin.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findBin(): string | undefined {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.map((version) => `/usr/lib/postgresql/${version}/bin`).find((bin) => existsSync(join(bin, 'initdb')));
}

const BIN = findBin();

/** Why PostgreSQL cannot start here, or undefined when it can. */
export const postgresMissing: string | undefined =
  BIN === undefined || !existsSync(join(BIN, 'pg_ctl'))
    ? 'no PostgreSQL server programs (initdb, pg_ctl) in /usr/lib/postgresql/<version>/bin or PG_BIN (Debian: apt-get install postgresql)'
    : undefined;

export interface PostgresServer {
  /** The URL of database `name` on this server. */
  url: (name: string) => string;
  /** Runs `sql` on `database` (a URL or a name) and answers its rows. */
  query: (database: string, sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;
  /**
   * A new empty log's URL: a schema of its own in the server's one database, named
   * in the URL (options=-c search_path=…), which is quicker than a database of its own.
   */
  newLog: () => Promise<string>;
  stop: () => Promise<void>;
}

/** A port no one listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const run = (program: string, args: string[], asUser: string | undefined): Promise<string> =>
  new Promise((done, fail) => {
    const [command, commandArgs] = asUser
      ? ['runuser', ['-u', asUser, '--', join(BIN!, program), ...args]]
      : [join(BIN!, program), args];
    execFile(command, commandArgs, { encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? fail(new Error(`${program} failed: ${stderr || error.message}`)) : done(stdout),
    );
  });

let logs = 0;

/**
 * Starts a new server; `stop()` stops it and removes its folder. The tests run it
 * without fsync (they prove the chain and the locking, not the disk); the bench
 * asks for `fsync`, as in production.
 */
export async function startPostgres({ fsync = false }: { fsync?: boolean } = {}): Promise<PostgresServer> {
  if (postgresMissing !== undefined) throw new Error(`Cannot start PostgreSQL: there are ${postgresMissing}.`);
  const folder = mkdtempSync(join(tmpdir(), 'consent-log-pg-'));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : undefined;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(folder, uid, gid);
  }
  const data = join(folder, 'data');
  const port = await freePort();
  // Trust: only this machine's tests connect, to 127.0.0.1 and the socket in the folder.
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8'], user);
  await run(
    'pg_ctl',
    [
      '-D',
      data,
      '-l',
      join(folder, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=${fsync ? 'on' : 'off'} -c max_connections=100`,
      'start',
    ],
    user,
  );
  const { default: pg } = await import('pg');
  const url = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  const query = async (database: string, sql: string, values: unknown[] = []) => {
    const client = new pg.Client({
      connectionString: database.includes('://') ? database : url(database),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  return {
    url,
    query,
    async newLog() {
      const schema = `log_${process.pid}_${++logs}`;
      await query('postgres', `CREATE SCHEMA ${schema}`);
      return `${url('postgres')}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    },
    async stop() {
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], user).catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
