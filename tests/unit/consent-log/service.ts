/**
 * Runs the real consent log for the tests: its CLI as a child process, on a free
 * port, with a database in a temporary folder, or (`db` a postgres:// URL) a log of
 * its own on the test file's PostgreSQL server (./postgres.ts).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll } from 'vitest';
import { startChildServer } from '../../harness/childServer.ts';
import type { Beacon } from '#consent-log/beacon.ts';
import type { Store } from '#consent-log/chain.ts';
import { openPostgresStore } from '#consent-log/postgres.ts';
import { openStore } from '#consent-log/store.ts';
import { startPostgres, type PostgresServer } from './postgres';

const CLI = resolve(import.meta.dirname, '../../../services/consent-log/src/cli.ts');
/** Node keeps the stripped and compiled service here, so that each of the many starts is quicker. */
const NODE_COMPILE_CACHE = join(tmpdir(), 'consent-log-tests-compile-cache');

export const TOKEN = 'test-token-0123456789abcdef-0123456789';
/** The default allowed origin: the site's own. */
export const ORIGIN = 'https://techtroopers.com';

export type Service = Awaited<ReturnType<typeof startChildServer>>;

const folders: string[] = [];
let postgres: Promise<PostgresServer> | undefined;
afterAll(async () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  if (postgres) await (await postgres).stop();
});

/** The test file's PostgreSQL server, started on first use and stopped after the file. */
export const postgresServer = (): Promise<PostgresServer> => (postgres ??= startPostgres());

/** True when `db` is a PostgreSQL log's URL rather than a SQLite file. */
export const isPostgres = (db: string): boolean => db.startsWith('postgres://');

/** A new, empty PostgreSQL log (a schema of its own) on the test file's server. */
export const tempPostgresLog = async (): Promise<string> => (await postgresServer()).newLog();

/** The two stores, for tests that hold for both. */
export const BACKENDS = [
  { name: 'SQLite', newLog: async () => tempDb() },
  { name: 'PostgreSQL', newLog: tempPostgresLog },
] as const;

/** The environment that points the service at `db`. */
export const dbEnv = (db: string): Record<string, string> =>
  isPostgres(db) ? { CONSENT_LOG_DATABASE_URL: db } : { CONSENT_LOG_DB: db };

/** Opens the store of `db` in the test's own process. */
export const openTestStore = (db: string): Promise<Store> =>
  isPostgres(db) ? openPostgresStore(db) : Promise.resolve(openStore(db));

/** A database path in a new temporary folder, removed after the test file. */
export function tempDb(): string {
  const folder = mkdtempSync(join(tmpdir(), 'consent-log-'));
  folders.push(folder);
  return join(folder, 'data', 'consent-log.sqlite');
}

/** Starts the service on `db` with only `env` (and a free port) in its environment. */
export const startService = (db: string, env: Record<string, string> = {}): Promise<Service> =>
  startChildServer([CLI], { NODE_COMPILE_CACHE, ...dbEnv(db), CONSENT_LOG_TOKEN: TOKEN, ...env });

/** Runs a CLI command to completion. */
export function runCli(
  db: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { NODE_COMPILE_CACHE, ...dbEnv(db), ...env } },
      (error, stdout, stderr) =>
        done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** A beacon as the site sends it today, with `changes` applied (undefined removes a field). */
export function beaconFields(changes: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    event: 'consent',
    consentId: randomUUID(),
    time: new Date().toISOString(),
    categories: 'necessary,statistics,marketing',
    cookiePolicyVersion: '1',
    cookiePolicyEffective: '2026-11-24',
    ...changes,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** POSTs a beacon the way `navigator.sendBeacon` does, from the site's origin unless `headers` say otherwise. */
export function sendBeacon(
  url: string,
  body: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/samtycke`, {
    method: 'POST',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : new URLSearchParams(body),
  });
}

/** GETs a staff endpoint with the token. */
export const staffGet = (url: string, path: string, token = TOKEN): Promise<Response> =>
  fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });

/** Reads the database file directly, beside the running service. */
export function readRows(db: string, sql = 'SELECT * FROM records ORDER BY id'): Record<string, unknown>[] {
  const connection = new DatabaseSync(db, { readOnly: true });
  try {
    return connection.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    connection.close();
  }
}

export const countRecords = (db: string): number => readRows(db).length;

/** Reads either store directly, beside the running service: the rows `sql` selects. */
export async function rows(db: string, sql = 'SELECT * FROM records ORDER BY id'): Promise<Record<string, unknown>[]> {
  return isPostgres(db) ? (await postgresServer()).query(db, sql) : readRows(db, sql);
}

/** Runs `sql` on either store directly, past the trigger that keeps records unchanged. */
export async function tamper(db: string, sql: string): Promise<void> {
  if (isPostgres(db)) {
    await (await postgresServer()).query(db, `ALTER TABLE records DISABLE TRIGGER records_are_append_only; ${sql}`);
    return;
  }
  const connection = new DatabaseSync(db);
  connection.exec(`DROP TRIGGER IF EXISTS records_are_append_only; ${sql}`);
  connection.close();
}

/** A copy of the log `db` as it stands, to tamper with. */
export async function copyLog(db: string): Promise<string> {
  if (!isPostgres(db)) {
    const target = tempDb();
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(db, target);
    return target;
  }
  const target = await tempPostgresLog();
  await (await openTestStore(target)).close();
  const schema = (url: string) => /search_path%3D(\w+)/.exec(url)![1];
  await (
    await postgresServer()
  ).query(target, `INSERT INTO ${schema(target)}.records SELECT * FROM ${schema(db)}.records`);
  return target;
}

/**
 * Writes records straight into the store, as the service would have on receiving
 * them at `receivedAt`: the way to have records older than the test.
 */
export async function seed(db: string, records: { receivedAt: string; beacon?: Partial<Beacon> }[]): Promise<void> {
  const store = await openTestStore(db);
  await store.append(
    records.map(({ receivedAt, beacon }) => ({
      receivedAt,
      beacon: {
        event: 'consent',
        consentId: randomUUID(),
        visitorTime: receivedAt,
        categories: ['necessary', 'statistics', 'marketing'],
        cookiePolicyVersion: '1',
        cookiePolicyEffective: '2026-11-24',
        revision: null,
        gpc: null,
        bannerHash: null,
        action: null,
        layer: null,
        ...beacon,
      },
    })),
  );
  await store.close();
}
