/**
 * What both of the consent log's stores share: the records and their hash chain,
 * the retention records, and the checks `verify` makes. The stores (./store.ts on
 * SQLite, ./postgres.ts on PostgreSQL) hold the rows; this module says what a row
 * means and whether a chain of them holds together.
 *
 * Each record carries a SHA-256 over its ID, its content and the previous record's
 * hash, so that a record changed or removed afterwards breaks the chain where it
 * happened. Retention is itself a record in the chain: it states its cut-off, how
 * many records it removes and the last removed one's ID and hash, which the first
 * record kept links to.
 */
import { createHash } from 'node:crypto';
import type { Beacon } from './beacon.ts';
import type { CategoryId } from './shared.ts';

/** The hash the chain starts from. */
export const GENESIS = '0'.repeat(64);
/** The version of the records' layout and hash both stores write. */
export const SCHEMA_VERSION = 2;

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
export interface Row {
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

export type Content = Omit<Row, 'prev_hash' | 'hash'>;

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

/** The log's storage, SQLite's or PostgreSQL's: the same chain, the same rules. */
export interface Store {
  /** Appends beacons in one transaction; returns once it has committed. */
  append(entries: readonly { beacon: Beacon; receivedAt: string }[]): Promise<void>;
  /** Every record of one consent ID, oldest first. */
  byConsentId(consentId: string): Promise<ConsentRecord[]>;
  /** Up to `limit` consent records received after `after` (by receive time, then ID) and before `to`, oldest first. */
  period(after: { receivedAt: string; id: number }, to: string, limit: number): Promise<ConsentRecord[]>;
  /** Walks the chain and reports the first record that does not match. */
  verify(): Promise<Verification>;
  /** The hash of record `id`, if it is still there. */
  hashOf(id: number): Promise<string | undefined>;
  /** How many records the log holds, and its last. */
  head(): Promise<Head>;
  /**
   * Removes the records received before `before` (ISO 8601): first a retention record
   * is chained, then the rows go in batches of `batch`, each its own transaction,
   * with `pause` milliseconds between them so that beacons are written in between.
   * A receive time after the moment the plan is made, under the write lock (never before
   * `now`), counts as in the future: a beacon that arrived while the command started is not.
   */
  prune(
    before: string,
    options?: { dryRun?: boolean; forced?: boolean; now?: Date; batch?: number; pause?: number },
  ): Promise<PruneReport>;
  /** Throws unless a write commits (and, on SQLite, the file passes its quick integrity check, run at most every `quickCheckEvery` ms, 10 minutes by default: it reads the whole file). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** The store refuses a database an earlier version wrote, and says what to do. */
export class OldDatabaseError extends Error {}

/** The hash of a record: SHA-256 over a canonical JSON array of its ID, the previous hash and its content. */
export function recordHash(prevHash: string, row: Content): string {
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

export const toContent = (id: number, beacon: Beacon, receivedAt: string): Content => ({
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

export const toRecord = (row: Row): ConsentRecord => ({
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

export const toPrune = (row: Row): PruneRecord => ({
  id: row.id,
  receivedAt: row.received_at,
  ...(JSON.parse(row.prune ?? '{}') as PruneStatement),
});

export const broken = (row: Row): Broken => ({ id: row.id, receivedAt: row.received_at, consentId: row.consent_id });

/** The content of the retention record with ID `id`, written at `receivedAt`, stating `statement`. */
/**
 * When a prune's plan is made, taken under the write lock: every record committed before it was
 * received before it. Never before `now`, the command's clock as it started.
 */
export const planInstant = (now: Date): string => new Date(Math.max(now.getTime(), Date.now())).toISOString();

export const pruneContent = (id: number, receivedAt: string, statement: PruneStatement): Content => ({
  id,
  received_at: receivedAt,
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
});

/** The row to insert: `content` linked to `prevHash`, with its own hash. */
export const linked = (prevHash: string, content: Content): Row => ({
  ...content,
  prev_hash: prevHash,
  hash: recordHash(prevHash, content),
});

/** The latest retention record whose run was cut short: it meant to remove records up to one still there. */
export const pendingPrune = (prunes: readonly Row[], firstId: number | undefined): PruneRecord | undefined =>
  firstId === undefined
    ? undefined
    : prunes
        .map(toPrune)
        .filter((prune) => prune.lastId >= firstId)
        .at(-1);

/**
 * Walks a chain row by row, oldest first. `step` answers the first row that does
 * not follow on (a failed verification), or undefined; `finish` then checks the
 * start of the chain against the retention records, given the hashes of the
 * records they say they removed last, where those are still there (`lastRemoved`,
 * from `lastRemovedIds`).
 */
export class ChainWalk {
  #prevHash: string | undefined;
  #previous = '';
  #head: Row | undefined;
  #records = 0;
  #lastId: number | undefined;
  readonly #found: PruneRecord[] = [];

  step(row: Row): Verification | undefined {
    if (this.#head === undefined) this.#head = row;
    else if (row.prev_hash !== this.#prevHash) {
      return {
        ok: false,
        record: broken(row),
        problem: `it does not follow on from ${this.#previous}: a record between them was removed, or the link was changed`,
      };
    }
    if (recordHash(row.prev_hash, row) !== row.hash) {
      return {
        ok: false,
        record: broken(row),
        problem: 'its content does not match its hash: it was changed after it was written',
      };
    }
    if (row.event === 'prune') this.#found.push(toPrune(row));
    this.#prevHash = row.hash;
    this.#previous = `record ${row.id}`;
    this.#lastId = row.id;
    this.#records++;
    return undefined;
  }

  /** The IDs whose hashes `finish` needs. */
  lastRemovedIds(): number[] {
    const head = this.#head;
    return head === undefined ? [] : this.#found.filter((prune) => prune.lastId >= head.id).map((p) => p.lastId);
  }

  finish(lastRemoved: ReadonlyMap<number, string>): Verification {
    const head = this.#head;
    const found = this.#found;
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
        const hash = prune.lastId >= head.id ? lastRemoved.get(prune.lastId) : undefined;
        if (hash !== undefined && hash !== prune.lastHash) {
          return {
            ok: false,
            record: { id: prune.id, receivedAt: prune.receivedAt, consentId: null },
            problem: `the record it says it removed last, ${prune.lastId}, is still there with another hash`,
          };
        }
      }
    }
    return {
      ok: true,
      records: this.#records,
      lastId: this.#lastId,
      lastHash: this.#prevHash ?? GENESIS,
      prunes: found,
      unfinishedPrune,
    };
  }
}
