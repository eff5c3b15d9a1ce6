/**
 * The consent log's embedded store: one SQLite file, written append-only, with the
 * hash chain of ./chain.ts. Node's SQLite is synchronous: each call below runs to
 * its end before another starts, so one process never interleaves transactions.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
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

export {
  GENESIS,
  OldDatabaseError,
  type Broken,
  type ConsentRecord,
  type Head,
  type PruneRecord,
  type PruneReport,
  type PruneStatement,
  type Store,
  type Verification,
} from './chain.ts';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL,
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
  ) STRICT;
  CREATE INDEX IF NOT EXISTS records_by_consent_id ON records (consent_id, id);
  CREATE INDEX IF NOT EXISTS records_by_received_at ON records (received_at);
  CREATE TRIGGER IF NOT EXISTS records_are_append_only BEFORE UPDATE ON records
  BEGIN SELECT RAISE(ABORT, 'consent records are never changed'); END;
  -- One row the health check rewrites, to prove that a write still commits.
  CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL) STRICT;
`;

/** Whether `error` is SQLite's "database is locked": another connection holds the write lock. */
export const isBusy = (error: unknown): boolean =>
  ((error as { errcode?: unknown }).errcode as number | undefined) !== undefined &&
  (Number((error as { errcode: number }).errcode) & 0xff) === 5;

/**
 * Opens (and if need be creates) the database at `path`, with its folder.
 * `busyTimeout`: how long a write waits, blocking, for another connection's lock
 * (the service passes 0 and retries without blocking).
 */
export function openStore(path: string, options: { busyTimeout?: number; quickCheckEvery?: number } = {}): Store {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  try {
    return prepare(db, path, options);
  } catch (error) {
    db.close();
    throw error;
  }
}

function prepare(db: DatabaseSync, path: string, options: { busyTimeout?: number; quickCheckEvery?: number }): Store {
  db.exec(`PRAGMA busy_timeout = ${options.busyTimeout ?? 5000}`);
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const existing = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'records'").get();
  if (existing && version !== SCHEMA_VERSION) {
    throw new OldDatabaseError(
      `${path} was written by an earlier consent log, whose hashes do not cover record IDs and whose retention left a side anchor. ` +
        'It is not migrated, since rebuilding its chain would erase what it proves: keep the file as it is, ' +
        'and start the service on a new CONSENT_LOG_DB.',
    );
  }
  // WAL, and an fsync at every commit: once a beacon is acknowledged, it survives a crash.
  const { journal_mode: mode } = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string };
  if (mode !== 'wal') throw new Error(`SQLite could not use WAL for ${path} (journal mode ${mode}).`);
  // Pruned records are overwritten, not merely unlinked, so they are gone from the file too.
  db.exec('PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;');
  if (!existing) {
    db.exec('BEGIN IMMEDIATE');
    db.exec(`${SCHEMA} PRAGMA user_version = ${SCHEMA_VERSION};`);
    db.exec('COMMIT');
  }

  const insert = db.prepare(
    `INSERT INTO records (id, received_at, event, consent_id, visitor_time, categories, cookie_policy_version,
       cookie_policy_effective, revision, gpc, banner_hash, action, layer, prune, prev_hash, hash)
     VALUES (:id, :received_at, :event, :consent_id, :visitor_time, :categories, :cookie_policy_version,
       :cookie_policy_effective, :revision, :gpc, :banner_hash, :action, :layer, :prune, :prev_hash, :hash)`,
  );
  const last = db.prepare('SELECT id, hash, received_at FROM records ORDER BY id DESC LIMIT 1');
  const first = db.prepare('SELECT id FROM records ORDER BY id LIMIT 1');
  const byId = db.prepare('SELECT hash FROM records WHERE id = ?');
  const lastBefore = db.prepare('SELECT id, hash FROM records WHERE id < ? ORDER BY id DESC LIMIT 1');
  // The first record that stays: the oldest received on or after the cut-off, not counting receive times in the future.
  const firstKept = db.prepare('SELECT MIN(id) AS id FROM records WHERE received_at >= ? AND received_at <= ?');
  const countThrough = db.prepare('SELECT COUNT(*) AS n FROM records WHERE id <= ?');
  const futureThrough = db.prepare('SELECT COUNT(*) AS n FROM records WHERE id <= ? AND received_at > ?');
  const futureAfter = db.prepare('SELECT id FROM records WHERE id > ? AND received_at > ? ORDER BY id LIMIT 100');
  const prunes = db.prepare("SELECT * FROM records WHERE event = 'prune' ORDER BY id");
  const count = db.prepare('SELECT COUNT(*) AS n FROM records');
  const ofConsentId = db.prepare('SELECT * FROM records WHERE consent_id = ? ORDER BY id');
  // Keyset pagination along the received_at index (which holds the ID too): no page rereads the ones before.
  const inPeriod = db.prepare(
    `SELECT * FROM records WHERE (received_at, id) > (?, ?) AND received_at < ? AND event != 'prune'
     ORDER BY received_at, id LIMIT ?`,
  );
  const everything = db.prepare('SELECT * FROM records ORDER BY id');
  const deleteBatch = db.prepare(
    'DELETE FROM records WHERE id IN (SELECT id FROM records WHERE id <= ? ORDER BY id LIMIT ?)',
  );
  const touch = db.prepare('INSERT OR REPLACE INTO health (id, checked_at) VALUES (1, ?)');
  const quickCheck = db.prepare('PRAGMA quick_check(1)');
  let lastQuickCheck = -Infinity;

  /** Runs `work` in a transaction: `BEGIN IMMEDIATE` for writes, a consistent snapshot for reads. */
  function transaction<T>(begin: 'BEGIN' | 'BEGIN IMMEDIATE', work: () => T): T {
    db.exec(begin);
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Chains `content` (without ID) onto the last record, inside a write transaction. */
  function chain(make: (id: number) => Content): number {
    const tail = last.get() as { id: number; hash: string } | undefined;
    const content = make((tail?.id ?? 0) + 1);
    insert.run({ ...linked(tail?.hash ?? GENESIS, content) });
    return content.id;
  }

  const interruptedPrune = () =>
    pendingPrune(prunes.all() as unknown as Row[], (first.get() as { id: number } | undefined)?.id);

  // Each method runs its SQLite work to the end before it returns its promise.
  return {
    async append(entries) {
      transaction('BEGIN IMMEDIATE', () => {
        for (const { beacon, receivedAt } of entries) chain((id) => toContent(id, beacon, receivedAt));
      });
    },

    byConsentId: async (consentId) => (ofConsentId.all(consentId) as unknown as Row[]).map(toRecord),

    period: async (after, to, limit) =>
      (inPeriod.all(after.receivedAt, after.id, to, limit) as unknown as Row[]).map(toRecord),

    async verify() {
      return transaction('BEGIN', (): Verification => {
        const walk = new ChainWalk();
        for (const row of everything.iterate() as Iterable<Row>) {
          const broken = walk.step(row);
          if (broken) return broken;
        }
        const lastRemoved = new Map<number, string>();
        for (const id of walk.lastRemovedIds()) {
          const found = byId.get(id) as { hash: string } | undefined;
          if (found) lastRemoved.set(id, found.hash);
        }
        return walk.finish(lastRemoved);
      });
    },

    hashOf: async (id) => (byId.get(id) as { hash: string } | undefined)?.hash,

    async head() {
      return transaction('BEGIN', () => {
        const tail = last.get() as { id: number; hash: string } | undefined;
        return {
          count: Number((count.get() as { n: number }).n),
          lastId: tail?.id,
          lastHash: tail?.hash ?? GENESIS,
        };
      });
    },

    async prune(before, { dryRun = false, forced = false, now = new Date(), batch = 1000, pause = 10 } = {}) {
      const plan = (nowIso: string): PruneReport => {
        const kept = (firstKept.get(before, nowIso) as { id: number | null }).id;
        const lastGone = (kept === null ? last.get() : lastBefore.get(kept)) as
          { id: number; hash: string } | undefined;
        const through = lastGone?.id ?? 0;
        return {
          before,
          count: lastGone ? Number((countThrough.get(through) as { n: number }).n) : 0,
          lastId: lastGone?.id,
          future: lastGone ? Number((futureThrough.get(through, nowIso) as { n: number }).n) : 0,
          forced,
          recordId: undefined,
          finished: undefined,
          futureKept: (futureAfter.all(through, nowIso) as { id: number }[]).map((row) => row.id),
        };
      };
      if (dryRun) return transaction('BEGIN', () => plan(planInstant(now)));
      const interrupted = interruptedPrune();
      // The retention record first: were the run cut short, the chain still says what was meant to go.
      const report = transaction('BEGIN IMMEDIATE', () => {
        const at = planInstant(now);
        const planned = plan(at);
        if (planned.lastId === undefined || planned.count === 0) return planned;
        const statement: PruneStatement = {
          before,
          count: planned.count,
          lastId: planned.lastId,
          lastHash: (byId.get(planned.lastId) as { hash: string }).hash,
          future: planned.future,
          forced,
        };
        const recordId = chain((id) => pruneContent(id, at, statement));
        return { ...planned, recordId };
      });
      // What an earlier, interrupted run meant to remove goes too.
      const through = Math.max(report.lastId ?? 0, interrupted?.lastId ?? 0);
      for (;;) {
        const { changes } = transaction('BEGIN IMMEDIATE', () => deleteBatch.run(through, batch));
        if (Number(changes) < batch) break;
        await new Promise((resume) => setTimeout(resume, pause));
      }
      return { ...report, finished: interrupted?.id };
    },

    async check() {
      if (!existsSync(path)) throw new Error(`the database file ${path} is gone`);
      transaction('BEGIN IMMEDIATE', () => touch.run(new Date().toISOString()));
      if (performance.now() - lastQuickCheck >= (options.quickCheckEvery ?? 600_000)) {
        const { quick_check: result } = quickCheck.get() as { quick_check: string };
        if (result !== 'ok') throw new Error(`the database fails its integrity check: ${result}`);
        lastQuickCheck = performance.now();
      }
    },

    async close() {
      db.close();
    },
  };
}
