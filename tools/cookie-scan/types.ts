// The scan's data: what it observes, what it finds, and what it writes as JSON.
import type { CategoryId, StorageType } from '#lib/consent/declaration.ts';
import type { DeclarationDocument, DeclaredEntry } from '#lib/consent/declarationDocument.ts';

export type { CategoryId, DeclarationDocument, DeclaredEntry, StorageType };

/** What the scan finds stored: the declarable kinds, plus caches and service workers. */
export type ObservedStorage = StorageType | 'cacheStorage' | 'serviceWorker';

/** First party: the site's own registrable domain. Third party: any other. */
export type Party = 'first' | 'third';

/** One cookie, key, database, cache or service worker in the browser. */
export interface StoredItem {
  storage: ObservedStorage;
  /** The cookie's name, the key, the database or cache name, or the service worker's script URL. */
  name: string;
  /** A cookie's domain; for other storage, the origin it belongs to. */
  where: string;
  party: Party;
  /** Cookies: their path. */
  path?: string;
  /** Cookies: when it expires (ISO), or null for a session cookie. */
  expires?: string | null;
  /** Cookies: seconds from the moment it was seen until it expires, or null for a session cookie. */
  lifetimeSeconds?: number | null;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
  /** The scripts or responses that wrote it, as far as the scan saw them. */
  writers: string[];
  /** Written during the visit but gone when the page was read. */
  transient?: boolean;
}

/** A request to an origin other than the site's. */
export interface RequestRecord {
  url: string;
  method: string;
  /** What the browser fetched it as: script, image, xhr, ping… */
  type: string;
}

/** no-consent: before any choice, or after refusal. withdrawn: after a category was withdrawn. */
export type Phase = 'no-consent' | 'consent' | 'withdrawn';

/** What one page looked like in one state, read once the page had settled. */
export interface Snapshot {
  page: string;
  /** When the page was read (ISO). */
  at: string;
  /** The page's HTTP status. */
  status: number | null;
  phase: Phase;
  /** The categories the visitor had accepted. */
  accepted: CategoryId[];
  /** In a withdrawal state, after the withdrawal: the category withdrawn. */
  withdrawn?: CategoryId;
  items: StoredItem[];
  requests: RequestRecord[];
}

export type StateKind = 'none' | 'refused' | 'only' | 'all' | 'withdrawn';

/** A consent state: none, refused, one category alone, all, or all but one withdrawn. */
export interface StateDef {
  id: string;
  kind: StateKind;
  /** `only` and `withdrawn`: the category accepted alone, or withdrawn. */
  category?: CategoryId;
}

export interface StateResult extends StateDef {
  snapshots: Snapshot[];
}

export type FindingName =
  | 'undeclared'
  | 'before-consent'
  | 'wrong-category'
  | 'lifetime-exceeds-declaration'
  | 'wrong-party'
  | 'survives-withdrawal'
  | 'tool-request-without-consent'
  | 'never-seen'
  | 'third-party-request'
  | 'unreadable-duration';

export interface Finding {
  name: FindingName;
  severity: 'error' | 'warning';
  /** The state it was found in (the first, where it spans several); null where no state applies. */
  state: string | null;
  /** Every state it was found in. */
  states: string[];
  /** The first page it was found on, and every page. */
  page: string | null;
  pages: string[];
  /** What it is about, in a few words: `cookie _pk_id.1.1f2e (localhost)`. */
  subject: string;
  item?: StoredItem;
  request?: RequestRecord;
  entry?: DeclaredEntry;
  /** The names of the tools a request went to. */
  tools?: string[];
  message: string;
}

export interface ScanResult {
  /** The URL given, and the origin scanned. */
  url: string;
  origin: string;
  startedAt: string;
  seconds: number;
  browser: string;
  declaration: DeclarationDocument;
  pages: string[];
  states: StateResult[];
  /** Every state the site's categories give, whether scanned or not (`--states` picks some). */
  stateIds: string[];
  findings: Finding[];
}
