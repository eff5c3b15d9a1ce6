/**
 * The consent log's storage: one SQLite file, written append-only. Each record
 * carries a SHA-256 over its ID, its content and the previous record's hash, so
 * that a record changed or removed afterwards breaks the chain where it happened.
 * Retention is itself a record in the chain: it states its cut-off, how many
 * records it removes and the last removed one's ID and hash, which the first
 * record kept links to.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Beacon } from './beacon.ts';
import type { CategoryId } from './shared.ts';

/** The hash the chain starts from. */
export const GENESIS = '0'.repeat(64);
/** The schema this store writes (SQLite's user_version). */
const SCHEMA_VERSION = 2;

/** A stored consent record, as staff see it. */
export interface ConsentRecord extends Beacon {
  id: number;
  /** When the service received it, by the server's clock (ISO 8601, UTC). */
  receivedAt: string;
  /** The previous record's hash, and this record's own. */
  prevHash: string;
  hash: string;
}

/** What a retention run states, in its own record in the chain. */
export interface PruneStatement {
  /** The cut-off: records received before it go. */
  before: string;
  /** How many records it removes: every one up to `lastId`. */
  count: number;
  /** The last record it removes, and that record's hash (which the first record kept links to). */
  lastId: number;
  lastHash: string;
  /** How many of those had a receive time in the future (a clock set wrong): their place in the chain dates them. */
  future: number;
  /** True when it was run below the retention floor with --force. */
  forced: boolean;
}

/** A retention record as it stands in the chain. */
export interface PruneRecord extends PruneStatement {
  id: number;
  receivedAt: string;
}

/** A row as the table holds it; a retention record has `prune` and no beacon fields. */
interface Row {
  id: number;
  received_at: string;
  event: string;
  consent_id: string | null;
  visitor_time: string | null;
  categories: string | null;
  cookie_policy_version: string | null;
  cookie_policy_effective: string | null;
  revision: number | null;
  gpc: number | null;
  banner_hash: string | null;
  action: string | null;
  layer: string | null;
  prune: string | null;
  prev_hash: string;
  hash: string;
}

type Content = Omit<Row, 'prev_hash' | 'hash'>;

/** Where verification stopped. */
export interface Broken {
  id: number;
  receivedAt: string;
  /** The consent ID, or null for a retention record. */
  consentId: string | null;
}

export type Verification =
  | {
      ok: true;
      records: number;
      lastId: number | undefined;
      lastHash: string;
      /** The retention records in the chain, oldest first. */
      prunes: PruneRecord[];
      /** Set when a prune was cut short: records it meant to remove are still there. */
      unfinishedPrune: PruneRecord | undefined;
    }
  | { ok: false; record: Broken; problem: string };

/** What a prune did, or (dry run) would do. */
export interface PruneReport extends Omit<PruneStatement, 'lastHash' | 'lastId'> {
  lastId: number | undefined;
  /** The retention record written, unless nothing went or it was a dry run. */
  recordId: number | undefined;
  /** IDs of records kept whose receive time is in the future. */
  futureKept: number[];
  /** An earlier retention record whose run was cut short, and which this one finished. */
  finished: number | undefined;
}

/** The head of the chain, for a checkpoint. */
export interface Head {
  count: number;
  lastId: number | undefined;
  lastHash: string;
}

export interface Store {
  /** Appends beacons in one transaction; returns once it has committed. */
  append(entries: readonly { beacon: Beacon; receivedAt: string }[]): void;
  /** Every record of one consent ID, oldest first. */
  byConsentId(consentId: string): ConsentRecord[];
  /** Up to `limit` consent records received after `after` (by receive time, then ID) and before `to`, oldest first. */
  period(after: { receivedAt: string; id: number }, to: string, limit: number): ConsentRecord[];
  /** Walks the chain and reports the first record that does not match. */
  verify(): Verification;
  /** The hash of record `id`, if it is still there. */
  hashOf(id: number): string | undefined;
  /** How many records the log holds, and its last. */
  head(): Head;
  /**
   * Removes the records received before `before` (ISO 8601): first a retention record
   * is chained, then the rows go in batches of `batch`, each its own transaction,
   * with `pause` milliseconds between them so that beacons are written in between.
   */
  prune(
    before: string,
    options?: { dryRun?: boolean; forced?: boolean; now?: Date; batch?: number; pause?: number },
  ): Promise<PruneReport>;
  /** Throws unless a write commits and the file passes SQLite's quick integrity check (run at most every `quickCheckEvery` ms, 10 minutes by default: it reads the whole file). */
  check(): void;
  close(): void;
}

/** The store refuses a database an earlier version wrote, and says what to do. */
export class OldDatabaseError extends Error {}

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

/** The hash of a record: SHA-256 over a canonical JSON array of its ID, the previous hash and its content. */
function recordHash(prevHash: string, row: Content): string {
  const canonical = JSON.stringify([
    'consent-log/2',
    row.id,
    prevHash,
    row.received_at,
    row.event,
    row.consent_id,
    row.visitor_time,
    row.categories,
    row.cookie_policy_version,
    row.cookie_policy_effective,
    row.revision,
    row.gpc,
    row.banner_hash,
    row.action,
    row.layer,
    row.prune,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const toContent = (id: number, beacon: Beacon, receivedAt: string): Content => ({
  id,
  received_at: receivedAt,
  event: beacon.event,
  consent_id: beacon.consentId,
  visitor_time: beacon.visitorTime,
  categories: beacon.categories.join(','),
  cookie_policy_version: beacon.cookiePolicyVersion,
  cookie_policy_effective: beacon.cookiePolicyEffective,
  revision: beacon.revision,
  gpc: beacon.gpc === null ? null : Number(beacon.gpc),
  banner_hash: beacon.bannerHash,
  action: beacon.action,
  layer: beacon.layer,
  prune: null,
});

const toRecord = (row: Row): ConsentRecord => ({
  id: row.id,
  receivedAt: row.received_at,
  event: row.event as Beacon['event'],
  consentId: row.consent_id ?? '',
  visitorTime: row.visitor_time ?? '',
  categories: (row.categories ?? '').split(',') as CategoryId[],
  cookiePolicyVersion: row.cookie_policy_version ?? '',
  cookiePolicyEffective: row.cookie_policy_effective ?? '',
  revision: row.revision,
  gpc: row.gpc === null ? null : row.gpc === 1,
  bannerHash: row.banner_hash,
  action: row.action as Beacon['action'],
  layer: row.layer as Beacon['layer'],
  prevHash: row.prev_hash,
  hash: row.hash,
});

const toPrune = (row: Row): PruneRecord => ({
  id: row.id,
  receivedAt: row.received_at,
  ...(JSON.parse(row.prune ?? '{}') as PruneStatement),
});

const broken = (row: Row): Broken => ({ id: row.id, receivedAt: row.received_at, consentId: row.consent_id });

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
    const prevHash = tail?.hash ?? GENESIS;
    insert.run({ ...content, prev_hash: prevHash, hash: recordHash(prevHash, content) });
    return content.id;
  }

  const pendingPrune = (): PruneRecord | undefined => {
    const head = first.get() as { id: number } | undefined;
    if (!head) return undefined;
    return (prunes.all() as unknown as Row[])
      .map(toPrune)
      .filter((prune) => prune.lastId >= head.id)
      .at(-1);
  };

  return {
    append(entries) {
      transaction('BEGIN IMMEDIATE', () => {
        for (const { beacon, receivedAt } of entries) chain((id) => toContent(id, beacon, receivedAt));
      });
    },

    byConsentId: (consentId) => (ofConsentId.all(consentId) as unknown as Row[]).map(toRecord),

    period: (after, to, limit) =>
      (inPeriod.all(after.receivedAt, after.id, to, limit) as unknown as Row[]).map(toRecord),

    verify() {
      return transaction('BEGIN', (): Verification => {
        let prevHash: string | undefined;
        let previous = '';
        let head: Row | undefined;
        let records = 0;
        let lastId: number | undefined;
        const found: PruneRecord[] = [];
        for (const row of everything.iterate() as Iterable<Row>) {
          if (head === undefined) head = row;
          else if (row.prev_hash !== prevHash) {
            return {
              ok: false,
              record: broken(row),
              problem: `it does not follow on from ${previous}: a record between them was removed, or the link was changed`,
            };
          }
          if (recordHash(row.prev_hash, row) !== row.hash) {
            return {
              ok: false,
              record: broken(row),
              problem: 'its content does not match its hash: it was changed after it was written',
            };
          }
          if (row.event === 'prune') found.push(toPrune(row));
          prevHash = row.hash;
          previous = `record ${row.id}`;
          lastId = row.id;
          records++;
        }
        let unfinishedPrune: PruneRecord | undefined;
        if (head !== undefined) {
          // The first record links to the start, or to the last record a retention record in the chain says it removed.
          const start = head.id === 1 && head.prev_hash === GENESIS;
          const vouching = found.filter((prune) => prune.lastId >= head.id - 1).at(-1);
          if (!start && vouching === undefined) {
            return {
              ok: false,
              record: broken(head),
              problem:
                'it is the first record, but the records before it were removed without a retention record in the chain',
            };
          }
          if (!start && vouching!.lastId === head.id - 1 && vouching!.lastHash !== head.prev_hash) {
            return {
              ok: false,
              record: broken(head),
              problem: `it does not follow on from record ${vouching!.lastId}, the last that retention record ${vouching!.id} removed`,
            };
          }
          if (!start && vouching!.lastId >= head.id) unfinishedPrune = vouching;
          for (const prune of found) {
            const hash = prune.lastId >= head.id ? (byId.get(prune.lastId) as { hash: string } | undefined) : undefined;
            if (hash !== undefined && hash.hash !== prune.lastHash) {
              return {
                ok: false,
                record: { id: prune.id, receivedAt: prune.receivedAt, consentId: null },
                problem: `the record it says it removed last, ${prune.lastId}, is still there with another hash`,
              };
            }
          }
        }
        return { ok: true, records, lastId, lastHash: prevHash ?? GENESIS, prunes: found, unfinishedPrune };
      });
    },

    hashOf: (id) => (byId.get(id) as { hash: string } | undefined)?.hash,

    head() {
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
      const nowIso = now.toISOString();
      const plan = (): PruneReport => {
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
      if (dryRun) return transaction('BEGIN', plan);
      const interrupted = pendingPrune();
      // The retention record first: were the run cut short, the chain still says what was meant to go.
      const report = transaction('BEGIN IMMEDIATE', () => {
        const planned = plan();
        if (planned.lastId === undefined || planned.count === 0) return planned;
        const statement: PruneStatement = {
          before,
          count: planned.count,
          lastId: planned.lastId,
          lastHash: (byId.get(planned.lastId) as { hash: string }).hash,
          future: planned.future,
          forced,
        };
        const recordId = chain((id) => ({
          id,
          received_at: nowIso,
          event: 'prune',
          consent_id: null,
          visitor_time: null,
          categories: null,
          cookie_policy_version: null,
          cookie_policy_effective: null,
          revision: null,
          gpc: null,
          banner_hash: null,
          action: null,
          layer: null,
          prune: JSON.stringify(statement),
        }));
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

    check() {
      if (!existsSync(path)) throw new Error(`the database file ${path} is gone`);
      transaction('BEGIN IMMEDIATE', () => touch.run(new Date().toISOString()));
      if (performance.now() - lastQuickCheck >= (options.quickCheckEvery ?? 600_000)) {
        const { quick_check: result } = quickCheck.get() as { quick_check: string };
        if (result !== 'ok') throw new Error(`the database fails its integrity check: ${result}`);
        lastQuickCheck = performance.now();
      }
    },

    close() {
      db.close();
    },
  };
}
