// What one browser context does while a state is scanned: the requests in
// flight (to know when a page has settled), the requests to other origins, and
// who wrote what, by script (./writeHook.ts) or by HTTP header.
import type { BrowserContext, CDPSession } from '@playwright/test';
import { withoutQuery } from '../compare.ts';
import type { ObservedStorage, RequestRecord } from '../types.ts';
import { parseCookieText, type ParsedCookieText } from './cookieText.ts';

/** How long a page may stay busy before it is read anyway. */
const SETTLE_MAX_MS = 8000;
/** A page counts as settled after this long without a request in flight. */
const QUIET_MS = 300;

/**
 * A write as the scan keeps it. `stored` is false for a cookie the page could
 * not read back at once: refused by the browser, or set for another path.
 */
export interface Write {
  storage: ObservedStorage;
  name: string;
  where: string;
  writer: string | null;
  stored: boolean;
  cookie?: ParsedCookieText;
}

/** The key an item is known by across reads: its storage, name, and domain or origin. */
export const itemKey = (storage: string, name: string, where: string): string =>
  `${storage}|${name}|${where.replace(/^\./, '')}`;

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Adds `value` to the set under `key`, creating it on first use. */
function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  map.set(key, set.add(value));
}

/**
 * Everything one browser context does while a state is scanned: the requests
 * in flight, and what the current visit requested and wrote.
 */
export class Recorder {
  readonly origin: string;
  /** The scanned site's host, which first and third party are told against. */
  readonly host: string;
  private readonly inflight = new Set<unknown>();
  private lastActivity = Date.now();
  /** This visit's requests to other origins. */
  requests: RequestRecord[] = [];
  /** What this visit stored. */
  writes: Write[] = [];
  /** Who set each cookie by HTTP header, by cookie name. */
  readonly httpWriters = new Map<string, Set<string>>();
  /** Who wrote each item, over the whole state, by item key. */
  readonly writers = new Map<string, Set<string>>();

  constructor(origin: string) {
    this.origin = origin;
    this.host = new URL(origin).hostname;
  }

  /** Starts a new visit: its requests and writes are recorded afresh. */
  nextVisit(): void {
    this.requests = [];
    this.writes = [];
  }

  /** Resolves once no request has been in flight for QUIET_MS, or after SETTLE_MAX_MS. */
  async settle(): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < SETTLE_MAX_MS) {
      if (this.inflight.size > 0) this.lastActivity = Date.now();
      else if (Date.now() - this.lastActivity >= QUIET_MS) return;
      await sleep(50);
    }
  }

  /** Follows every request of the context: in flight, and those to other origins. */
  watchRequests(context: BrowserContext): void {
    context.on('request', (request) => {
      this.inflight.add(request);
      this.lastActivity = Date.now();
      const url = request.url();
      if (!/^https?:/.test(url) || new URL(url).origin === this.origin) return;
      this.requests.push({ url, method: request.method(), type: request.resourceType() });
    });
    const done = (request: unknown) => {
      this.inflight.delete(request);
      this.lastActivity = Date.now();
    };
    context.on('requestfinished', done);
    context.on('requestfailed', done);
  }

  /** Notes a write a script made: stored for this visit if it was, and who made it for the state. */
  noteWrite(write: Write): void {
    if (write.cookie?.deletes) return;
    // Only what was stored counts as stored, however briefly; every writer is noted.
    if (write.stored) this.writes.push(write);
    if (write.writer) addTo(this.writers, itemKey(write.storage, write.name, write.where), write.writer);
  }

  /** Cookies set by HTTP responses, from the DevTools protocol: who set them. */
  async watchHeaders(cdp: CDPSession): Promise<void> {
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (event) => void urls.set(event.requestId, event.request.url));
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      const url = urls.get(event.requestId);
      const header = Object.entries(event.headers).find(([name]) => name.toLowerCase() === 'set-cookie')?.[1];
      if (!url || typeof header !== 'string') return;
      for (const line of header.split('\n')) {
        const cookie = parseCookieText(line, Date.now() / 1000);
        if (!cookie.name || cookie.deletes) continue;
        addTo(this.httpWriters, cookie.name, withoutQuery(url));
      }
    });
    await cdp.send('Network.enable');
  }
}
