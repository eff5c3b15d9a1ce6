/**
 * The consent log's storage: one SQLite file, written append-only. Each record
 * carries a SHA-256 over its content and the previous record's hash, so that a
 * record changed or removed afterwards breaks the chain where it happened.
 * Retention deletes the oldest records and keeps the last one's hash as the
 * anchor the chain then starts from.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { CategoryId } from './shared.ts';
import type { Beacon } from './beacon.ts';

/** The hash the chain starts from before anything has been pruned. */
const GENESIS = '0'.repeat(64);

/** A stored record, as staff see it. */
export interface ConsentRecord extends Beacon {
  id: number;
  /** When the service received it, by the server's clock (ISO 8601, UTC). */
  receivedAt: string;
  /** The previous record's hash (or the anchor), and this record's own. */
  prevHash: string;
  hash: string;
}

/** A row as the table holds it. */
interface Row {
  id: number;
  received_at: string;
  event: string;
  consent_id: string;
  visitor_time: string;
  categories: string;
  cookie_policy_version: string;
  cookie_policy_effective: string;
  revision: number | null;
  gpc: number | null;
  banner_hash: string | null;
  prev_hash: string;
  hash: string;
}

type Content = Omit<Row, 'id' | 'prev_hash' | 'hash'>;

export type Verification =
  | { ok: true; records: number; lastId: number | undefined; lastHash: string }
  | { ok: false; record: ConsentRecord; problem: string };

export interface Store {
  /** Appends beacons in one transaction; returns once it has committed. */
  append(entries: readonly { beacon: Beacon; receivedAt: string }[]): void;
  /** Every record of one consent ID, oldest first. */
  byConsentId(consentId: string): ConsentRecord[];
  /** Up to `limit` records received after `after` (by receive time, then ID) and before `to`, oldest first. */
  period(after: { receivedAt: string; id: number }, to: string, limit: number): ConsentRecord[];
  /** Walks the chain from its anchor and reports the first record that does not match. */
  verify(): Verification;
  /** Deletes the records received before `before` (ISO 8601) and anchors the chain after them. */
  prune(before: string): { pruned: number; anchorId: number | undefined };
  /** Throws unless the database answers. */
  check(): void;
  close(): void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL,
    event TEXT NOT NULL,
    consent_id TEXT NOT NULL,
    visitor_time TEXT NOT NULL,
    categories TEXT NOT NULL,
    cookie_policy_version TEXT NOT NULL,
    cookie_policy_effective TEXT NOT NULL,
    revision INTEGER,
    gpc INTEGER,
    banner_hash TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS records_by_consent_id ON records (consent_id, id);
  CREATE INDEX IF NOT EXISTS records_by_received_at ON records (received_at);
  -- The anchor: the last pruned record's ID and hash.
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TRIGGER IF NOT EXISTS records_are_append_only BEFORE UPDATE ON records
  BEGIN SELECT RAISE(ABORT, 'consent records are never changed'); END;
`;

/** The hash of a record: SHA-256 over a canonical JSON array of the previous hash and the stored content. */
function recordHash(prevHash: string, row: Content): string {
  const canonical = JSON.stringify([
    'consent-log/1',
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
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const toContent = (beacon: Beacon, receivedAt: string): Content => ({
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
});

const toRecord = (row: Row): ConsentRecord => ({
  id: row.id,
  receivedAt: row.received_at,
  event: row.event as Beacon['event'],
  consentId: row.consent_id,
  visitorTime: row.visitor_time,
  categories: row.categories.split(',') as CategoryId[],
  cookiePolicyVersion: row.cookie_policy_version,
  cookiePolicyEffective: row.cookie_policy_effective,
  revision: row.revision,
  gpc: row.gpc === null ? null : row.gpc === 1,
  bannerHash: row.banner_hash,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** Opens (and if need be creates) the database at `path`, with its folder. */
export function openStore(path: string): Store {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // WAL, and an fsync at every commit: once a beacon is acknowledged, it survives a crash.
  const { journal_mode: mode } = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string };
  if (mode !== 'wal') throw new Error(`SQLite could not use WAL for ${path} (journal mode ${mode}).`);
  // Pruned records are overwritten, not merely unlinked, so they are gone from the file too.
  db.exec('PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;');
  db.exec(SCHEMA);

  const insert = db.prepare(
    `INSERT INTO records (received_at, event, consent_id, visitor_time, categories, cookie_policy_version,
       cookie_policy_effective, revision, gpc, banner_hash, prev_hash, hash)
     VALUES (:received_at, :event, :consent_id, :visitor_time, :categories, :cookie_policy_version,
       :cookie_policy_effective, :revision, :gpc, :banner_hash, :prev_hash, :hash)`,
  );
  const last = db.prepare('SELECT id, hash FROM records ORDER BY id DESC LIMIT 1');
  const lastBefore = db.prepare('SELECT id, hash FROM records WHERE id < ? ORDER BY id DESC LIMIT 1');
  const firstSince = db.prepare('SELECT MIN(id) AS id FROM records WHERE received_at >= ?');
  const metaValue = db.prepare('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const ofConsentId = db.prepare('SELECT * FROM records WHERE consent_id = ? ORDER BY id');
  // Keyset pagination along the received_at index (which holds the ID too): no page rereads the ones before.
  const inPeriod = db.prepare(
    'SELECT * FROM records WHERE (received_at, id) > (?, ?) AND received_at < ? ORDER BY received_at, id LIMIT ?',
  );
  const everything = db.prepare('SELECT * FROM records ORDER BY id');
  const deleteThrough = db.prepare('DELETE FROM records WHERE id <= ?');
  const ping = db.prepare('SELECT 1');

  const anchor = (): { id: number | undefined; hash: string } => {
    const id = metaValue.get('anchor_id') as { value: string } | undefined;
    const hash = metaValue.get('anchor_hash') as { value: string } | undefined;
    return { id: id ? Number(id.value) : undefined, hash: hash?.value ?? GENESIS };
  };

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

  return {
    append(entries) {
      transaction('BEGIN IMMEDIATE', () => {
        let prevHash = (last.get() as { hash: string } | undefined)?.hash ?? anchor().hash;
        for (const { beacon, receivedAt } of entries) {
          const content = toContent(beacon, receivedAt);
          const hash = recordHash(prevHash, content);
          insert.run({ ...content, prev_hash: prevHash, hash });
          prevHash = hash;
        }
      });
    },

    byConsentId: (consentId) => (ofConsentId.all(consentId) as unknown as Row[]).map(toRecord),

    period: (after, to, limit) =>
      (inPeriod.all(after.receivedAt, after.id, to, limit) as unknown as Row[]).map(toRecord),

    verify() {
      return transaction('BEGIN', (): Verification => {
        const start = anchor();
        let prevHash = start.hash;
        let previous = start.id === undefined ? 'the start of the log' : `record ${start.id} (the last pruned)`;
        let records = 0;
        let lastId: number | undefined;
        for (const row of everything.iterate() as Iterable<Row>) {
          if (row.prev_hash !== prevHash) {
            return {
              ok: false,
              record: toRecord(row),
              problem: `it does not follow on from ${previous}: a record between them was removed, or the link was changed`,
            };
          }
          if (recordHash(prevHash, row) !== row.hash) {
            return {
              ok: false,
              record: toRecord(row),
              problem: 'its content does not match its hash: it was changed after it was written',
            };
          }
          prevHash = row.hash;
          previous = `record ${row.id}`;
          lastId = row.id;
          records++;
        }
        return { ok: true, records, lastId, lastHash: prevHash };
      });
    },

    prune(before) {
      return transaction('BEGIN IMMEDIATE', () => {
        // Only a run from the start of the chain goes, so what stays is one unbroken chain.
        const kept = (firstSince.get(before) as { id: number | null }).id;
        const lastPruned = (kept === null ? last.get() : lastBefore.get(kept)) as
          { id: number; hash: string } | undefined;
        if (!lastPruned) return { pruned: 0, anchorId: anchor().id };
        const { changes } = deleteThrough.run(lastPruned.id);
        setMeta.run('anchor_id', String(lastPruned.id));
        setMeta.run('anchor_hash', lastPruned.hash);
        return { pruned: Number(changes), anchorId: lastPruned.id };
      });
    },

    check() {
      ping.get();
    },

    close() {
      db.close();
    },
  };
}
