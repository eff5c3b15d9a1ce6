/**
 * The consent log's store on PostgreSQL, for several service instances sharing one
 * chain. The records, their hashes and the retention rules are those of ./chain.ts,
 * as on SQLite. What differs is how writers take turns: every write to the chain
 * (a batch of beacons, a retention record) first locks the one row of
 * `consent_log_head` (SELECT … FOR UPDATE), then reads the last record and links
 * onto it, so the instances append one transaction after another. Each instance
 * batches the beacons that wait while the lock is held into its next transaction
 * (group commit, in ./server.ts), so that one lock and one commit serve many.
 *
 * The `pg` package is imported only here, and this module only when
 * CONSENT_LOG_DATABASE_URL names a PostgreSQL database: on SQLite the service needs
 * no package at all.
 */
import type { Pool, PoolClient } from 'pg';
import {
  ChainWalk,
  GENESIS,
  linked,
  OldDatabaseError,
  pendingPrune,
  planInstant,
  pruneContent,
  SCHEMA_VERSION,
  toContent,
  toRecord,
  type Content,
  type PruneReport,
  type PruneStatement,
  type Row,
  type Store,
  type Verification,
} from './chain.ts';

/** The columns of `records`, in the order of ./chain.ts's Row. */
const COLUMNS = [
  ['id', 'bigint'],
  ['received_at', 'text'],
  ['event', 'text'],
  ['consent_id', 'text'],
  ['visitor_time', 'text'],
  ['categories', 'text'],
  ['cookie_policy_version', 'text'],
  ['cookie_policy_effective', 'text'],
  ['revision', 'integer'],
  ['gpc', 'integer'],
  ['banner_hash', 'text'],
  ['action', 'text'],
  ['layer', 'text'],
  ['prune', 'text'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
] as const satisfies readonly (readonly [keyof Row, string])[];

// Receive times are ISO 8601 text, compared byte by byte (COLLATE "C") as SQLite does:
// a locale's collation would skip punctuation and misplace the export's "T~" bound.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS records (
    id BIGINT PRIMARY KEY,
    received_at TEXT COLLATE "C" NOT NULL,
    event TEXT NOT NULL,
    consent_id TEXT,
    visitor_time TEXT,
    categories TEXT,
    cookie_policy_version TEXT,
    cookie_policy_effective TEXT,
    revision INTEGER,
    gpc INTEGER,
    banner_hash TEXT,
    action TEXT,
    layer TEXT,
    prune TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS records_by_consent_id ON records (consent_id, id);
  CREATE INDEX IF NOT EXISTS records_by_received_at ON records (received_at, id);
  CREATE OR REPLACE FUNCTION consent_records_are_append_only() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'consent records are never changed'; END $$;
  CREATE OR REPLACE TRIGGER records_are_append_only BEFORE UPDATE ON records
    FOR EACH ROW EXECUTE FUNCTION consent_records_are_append_only();
  -- The chain's head: one row, locked by every write to the chain. It also says which layout the tables have.
  CREATE TABLE IF NOT EXISTS consent_log_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    schema_version INTEGER NOT NULL
  );
  INSERT INTO consent_log_head (id, schema_version) VALUES (1, ${SCHEMA_VERSION}) ON CONFLICT (id) DO NOTHING;
  -- One row the health check rewrites, to prove that a write still commits.
  CREATE TABLE IF NOT EXISTS consent_log_health (id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL);
`;

/** Records read at a time while `verify` walks the chain. */
const VERIFY_PAGE = 5000;

/** A URL with its password hidden, for messages. */
export const redacted = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL database';
  }
};

/** The store refuses to run a command that reads the log on a database that holds none. */
export class MissingLogError extends Error {}

/**
 * Connects to the database at `url` and, with `create`, makes the tables when they
 * are not there (two instances starting at once take turns through an advisory lock).
 * `connections`: the most the pool opens.
 */
export async function openPostgresStore(
  url: string,
  options: { create?: boolean; connections?: number } = {},
): Promise<Store> {
  const { default: pg } = await import('pg');
  const pool: Pool = new pg.Pool({
    connectionString: url,
    max: options.connections ?? 4,
    // BIGINT (IDs, counts) as numbers: the log stays far below 2^53 records.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection the server closes while idle is replaced at the next query; it must not stop the process.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  try {
    await prepare(pool, url, options.create ?? true);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return store(pool);
}

async function prepare(pool: Pool, url: string, create: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (create) await client.query("SELECT pg_advisory_xact_lock(hashtext('consent-log schema'))");
    const { rows } = await client.query<{ records: string | null; head: string | null }>(
      "SELECT to_regclass('records')::text AS records, to_regclass('consent_log_head')::text AS head",
    );
    const existing = rows[0]!.records !== null;
    if (existing) {
      const version =
        rows[0]!.head === null
          ? undefined
          : (await client.query<{ v: number }>('SELECT schema_version AS v FROM consent_log_head WHERE id = 1')).rows[0]
              ?.v;
      if (version !== SCHEMA_VERSION) {
        throw new OldDatabaseError(
          `${redacted(url)} holds a records table this consent log did not write (layout ${version ?? 'unknown'}, not ${SCHEMA_VERSION}). ` +
            'It is not migrated: leave it as it is, and point CONSENT_LOG_DATABASE_URL at another database or schema.',
        );
      }
    } else if (!create) {
      throw new MissingLogError(`There is no consent log in ${redacted(url)} (set CONSENT_LOG_DATABASE_URL).`);
    } else {
      await client.query(SCHEMA);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function store(pool: Pool): Store {
  /** Runs `work` in one transaction on one connection: `begin` says which kind. */
  async function transaction<T>(begin: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  const write = <T>(work: (client: PoolClient) => Promise<T>) => transaction('BEGIN', work);
  // One snapshot for everything a read sees.
  const read = <T>(work: (client: PoolClient) => Promise<T>) =>
    transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);

  const one = async <T>(client: PoolClient, sql: string, values: unknown[] = []): Promise<T | undefined> =>
    (await client.query(sql, values)).rows[0] as T | undefined;

  /**
   * Locks the chain's head and answers the last record: from here until the
   * transaction ends, no other instance can link onto it. Two statements: under READ
   * COMMITTED each statement sees what was committed before it began, so the last
   * record is read only once the lock is held (in one statement, a writer that had
   * waited for the lock would read the records as they were before it waited).
   */
  async function lockHead(client: PoolClient) {
    await client.query('SELECT id FROM consent_log_head WHERE id = 1 FOR UPDATE');
    return one<{ id: number; hash: string }>(client, 'SELECT id, hash FROM records ORDER BY id DESC LIMIT 1');
  }

  /** Inserts `rows` in one statement: one array per column. */
  async function insert(client: PoolClient, rows: readonly Row[]): Promise<void> {
    await client.query(
      `INSERT INTO records (${COLUMNS.map(([name]) => name).join(', ')})
       SELECT * FROM unnest(${COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})`,
      COLUMNS.map(([name]) => rows.map((row) => row[name])),
    );
  }

  /** Chains the contents `make` gives, from the ID after the head's, inside a write transaction. */
  async function chain(client: PoolClient, make: (firstId: number) => Content[]): Promise<number[]> {
    const head = await lockHead(client);
    let prevHash = head?.hash ?? GENESIS;
    const rows = make((head?.id ?? 0) + 1).map((content) => {
      const row = linked(prevHash, content);
      prevHash = row.hash;
      return row;
    });
    await insert(client, rows);
    return rows.map((row) => row.id);
  }

  const hashOf = async (client: PoolClient | Pool, id: number) =>
    ((await client.query('SELECT hash FROM records WHERE id = $1', [id])).rows[0] as { hash: string } | undefined)
      ?.hash;

  return {
    async append(entries) {
      if (entries.length === 0) return;
      await write((client) =>
        chain(client, (firstId) =>
          entries.map(({ beacon, receivedAt }, index) => toContent(firstId + index, beacon, receivedAt)),
        ),
      );
    },

    async byConsentId(consentId) {
      const { rows } = await pool.query('SELECT * FROM records WHERE consent_id = $1 ORDER BY id', [consentId]);
      return (rows as Row[]).map(toRecord);
    },

    async period(after, to, limit) {
      const { rows } = await pool.query(
        `SELECT * FROM records WHERE (received_at, id) > ($1, $2) AND received_at < $3 AND event != 'prune'
         ORDER BY received_at, id LIMIT $4`,
        [after.receivedAt, after.id, to, limit],
      );
      return (rows as Row[]).map(toRecord);
    },

    verify() {
      return read(async (client): Promise<Verification> => {
        const walk = new ChainWalk();
        for (let after = Number.MIN_SAFE_INTEGER; ;) {
          const { rows } = await client.query(`SELECT * FROM records WHERE id > $1 ORDER BY id LIMIT ${VERIFY_PAGE}`, [
            after,
          ]);
          for (const row of rows as Row[]) {
            const broken = walk.step(row);
            if (broken) return broken;
          }
          if (rows.length < VERIFY_PAGE) break;
          after = (rows.at(-1) as Row).id;
        }
        const lastRemoved = new Map<number, string>();
        for (const id of walk.lastRemovedIds()) {
          const hash = await hashOf(client, id);
          if (hash !== undefined) lastRemoved.set(id, hash);
        }
        return walk.finish(lastRemoved);
      });
    },

    hashOf: (id) => hashOf(pool, id),

    head() {
      return read(async (client) => {
        const tail = await one<{ id: number; hash: string }>(
          client,
          'SELECT id, hash FROM records ORDER BY id DESC LIMIT 1',
        );
        const { n } = (await one<{ n: number }>(client, 'SELECT COUNT(*) AS n FROM records'))!;
        return { count: n, lastId: tail?.id, lastHash: tail?.hash ?? GENESIS };
      });
    },

    async prune(before, { dryRun = false, forced = false, now = new Date(), batch = 1000, pause = 10 } = {}) {
      const plan = async (client: PoolClient, last: { id: number; hash: string } | undefined, nowIso: string) => {
        // The first record that stays: the oldest received on or after the cut-off, not counting receive times in the future.
        const kept = (await one<{ id: number | null }>(
          client,
          'SELECT MIN(id) AS id FROM records WHERE received_at >= $1 AND received_at <= $2',
          [before, nowIso],
        ))!.id;
        const lastGone =
          kept === null
            ? last
            : await one<{ id: number; hash: string }>(
                client,
                'SELECT id, hash FROM records WHERE id < $1 ORDER BY id DESC LIMIT 1',
                [kept],
              );
        const through = lastGone?.id ?? 0;
        const counts = lastGone
          ? (await one<{ n: number; future: number }>(
              client,
              'SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE received_at > $2) AS future FROM records WHERE id <= $1',
              [through, nowIso],
            ))!
          : { n: 0, future: 0 };
        const futureKept = await client.query<{ id: number }>(
          'SELECT id FROM records WHERE id > $1 AND received_at > $2 ORDER BY id LIMIT 100',
          [through, nowIso],
        );
        const report: PruneReport = {
          before,
          count: counts.n,
          lastId: lastGone?.id,
          future: counts.future,
          forced,
          recordId: undefined,
          finished: undefined,
          futureKept: futureKept.rows.map((row) => row.id),
        };
        return { report, lastHash: lastGone?.hash };
      };
      const tail = (client: PoolClient) =>
        one<{ id: number; hash: string }>(client, 'SELECT id, hash FROM records ORDER BY id DESC LIMIT 1');
      if (dryRun) return read(async (client) => (await plan(client, await tail(client), planInstant(now))).report);

      const interrupted = await read(async (client) =>
        pendingPrune(
          (await client.query("SELECT * FROM records WHERE event = 'prune' ORDER BY id")).rows as Row[],
          (await one<{ id: number }>(client, 'SELECT id FROM records ORDER BY id LIMIT 1'))?.id,
        ),
      );
      // The retention record first, under the head's lock: were the run cut short, the chain still says what was meant to go.
      const report = await write(async (client) => {
        const head = await lockHead(client);
        const at = planInstant(now);
        const { report: planned, lastHash } = await plan(client, head, at);
        if (planned.lastId === undefined || planned.count === 0) return planned;
        const statement: PruneStatement = {
          before,
          count: planned.count,
          lastId: planned.lastId,
          lastHash: lastHash!,
          future: planned.future,
          forced,
        };
        // The head is already locked: chain() locks it again, which its own transaction may.
        const [recordId] = await chain(client, (id) => [pruneContent(id, at, statement)]);
        return { ...planned, recordId };
      });
      // What an earlier, interrupted run meant to remove goes too. The batches take no lock on
      // the head: beacons go on being appended between them, and beside them.
      const through = Math.max(report.lastId ?? 0, interrupted?.lastId ?? 0);
      for (;;) {
        const { rowCount } = await pool.query(
          'DELETE FROM records WHERE id IN (SELECT id FROM records WHERE id <= $1 ORDER BY id LIMIT $2)',
          [through, batch],
        );
        if ((rowCount ?? 0) < batch) break;
        await new Promise((resume) => setTimeout(resume, pause));
      }
      return { ...report, finished: interrupted?.id };
    },

    async check() {
      await pool.query(
        `INSERT INTO consent_log_health (id, checked_at) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET checked_at = EXCLUDED.checked_at`,
        [new Date().toISOString()],
      );
    },

    async close() {
      await pool.end();
    },
  };
}
