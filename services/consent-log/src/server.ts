/**
 * The HTTP side of the consent log:
 *   POST /samtycke              a beacon from the site (form-encoded, at most 2 KB)
 *   GET  /samtycke/<consentId>  staff: that consent ID's records, oldest first
 *   GET  /export?from=&to=&format=csv|json   staff: the records of a period
 *   GET  /checkpoint            the log's head, signed (when the service has a signing key)
 *   GET  /health                for the container's health check (HEAD too)
 * The staff endpoints exist only when the service has a token long enough.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { parseBeacon, UUID, type Beacon } from './beacon.ts';
import type { ServiceConfig } from './config.ts';
import { CSV_HEADER, csvLine } from './csv.ts';
import { takeCheckpoint } from './checkpoint.ts';
import { createRateLimiter } from './rateLimit.ts';
import { isIsoDate } from './shared.ts';
import type { Store } from './chain.ts';
import { isBusy } from './store.ts';

/** The largest beacon body accepted, in bytes; the site's are a few hundred. */
const MAX_BODY = 2048;
const EXPORT_PAGE = 500;
const BEACON_PATH = '/samtycke';
/** How long a batch of beacons keeps retrying while another connection (a prune) holds the write lock. */
const BUSY_PATIENCE = 30_000;
/** How long SIGTERM waits for requests in hand before it closes their connections. */
export const SHUTDOWN_GRACE = 5_000;
const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

function send(response: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  response
    .writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers })
    .end(`${JSON.stringify(body, null, 2)}\n`);
}

const fail = (response: ServerResponse, status: number, message: string, headers: OutgoingHttpHeaders = {}) =>
  send(response, status, { error: message }, headers);

/** True for `application/x-www-form-urlencoded`, with a UTF-8 charset if one is named. */
function isFormEncoded(contentType: string | undefined): boolean {
  const [type, ...parameters] = (contentType ?? '')
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  return (
    type === 'application/x-www-form-urlencoded' &&
    parameters.every((parameter) => !parameter.startsWith('charset=') || parameter === 'charset=utf-8')
  );
}

/** The body as text, or undefined when it is longer than `MAX_BODY`. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY) return Promise.resolve(undefined);
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_BODY) {
        request.removeAllListeners('data').resume();
        done(undefined);
      } else chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', failed);
  });
}

/**
 * Writes beacons in batches: those that arrive while one batch is being written
 * go into the next transaction, so that one commit (one fsync, and on PostgreSQL
 * one turn of the chain's lock) acknowledges many. Each promise settles once its
 * transaction has committed, or failed.
 */
function groupCommit(store: Store): (beacon: Beacon) => Promise<void> {
  type Entry = { beacon: Beacon; receivedAt: string; resolve: () => void; reject: (error: unknown) => void };
  let waiting: Entry[] = [];
  let writing = false;
  /** Writes `entries`; while another connection (a prune's batch) holds SQLite's write lock, retries a moment later. */
  async function write(entries: Entry[]): Promise<Entry[]> {
    let busySince: number | undefined;
    for (;;) {
      try {
        await store.append(entries);
        return entries;
      } catch (error) {
        if (!isBusy(error) || performance.now() - (busySince ??= performance.now()) >= BUSY_PATIENCE) {
          for (const entry of entries) entry.reject(error);
          return [];
        }
      }
      await new Promise((resume) => setTimeout(resume, 2));
      // The retry takes in the beacons that arrived meanwhile.
      entries = [...entries, ...waiting];
      waiting = [];
    }
  }
  async function flush(): Promise<void> {
    while (waiting.length > 0) {
      const entries = waiting;
      waiting = [];
      for (const entry of await write(entries)) entry.resolve();
    }
    writing = false;
  }
  return (beacon) =>
    new Promise((resolve, reject) => {
      waiting.push({ beacon, receivedAt: new Date().toISOString(), resolve, reject });
      if (!writing) {
        writing = true;
        setImmediate(() => void flush());
      }
    });
}

/** Resolves when `response` can take more, or has closed. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      response.off('drain', finish).off('close', finish);
      done();
    };
    response.on('drain', finish).on('close', finish);
  });
}

/**
 * An exclusive upper bound for the receive times of a YYYY-MM-DD day (UTC): every
 * timestamp of that day starts with the day and "T", then digits, which sort
 * before "~". Unlike the next day's midnight, it exists for 9999-12-31 too.
 */
export const endOfDay = (day: string): string => `${day}T~`;

/** The service's HTTP server, not yet listening, writing to `store`. */
export function createConsentLogServer(config: ServiceConfig, store: Store): Server {
  const waitFor = createRateLimiter(config.rateLimit);
  const origins = new Set(config.origins);
  const append = groupCommit(store);
  const tokenDigest = config.token === undefined ? undefined : sha256(config.token);

  const clientAddress = (request: IncomingMessage): string => {
    if (config.trustProxy) {
      // The proxy in front appends the address it saw: the last one in the list.
      const forwarded = String(request.headers['x-forwarded-for'] ?? '').split(',');
      const last = forwarded.at(-1)?.trim();
      if (last) return last;
    }
    return request.socket.remoteAddress ?? '';
  };

  /** Missing and wrong tokens take the same path: both are hashed and compared in constant time. */
  function authorised(request: IncomingMessage, expected: Buffer): boolean {
    const header = request.headers.authorization ?? '';
    return timingSafeEqual(sha256(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''), expected);
  }

  async function receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin || undefined;
    const allowed = origin !== undefined && origins.has(origin);
    const cors: OutgoingHttpHeaders = allowed
      ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
      : { Vary: 'Origin' };
    if (request.method === 'OPTIONS') {
      if (!allowed) return fail(response, 403, 'This origin may not send consent records.', cors);
      response
        .writeHead(204, {
          ...COMMON_HEADERS,
          ...cors,
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '86400',
        })
        .end();
      return;
    }
    if (request.method !== 'POST') return fail(response, 405, 'Use POST.', { ...cors, Allow: 'POST, OPTIONS' });
    if (!allowed) {
      return fail(
        response,
        403,
        origin === undefined ? 'An Origin header is required.' : 'This origin may not send consent records.',
        cors,
      );
    }
    if (!isFormEncoded(request.headers['content-type'])) {
      return fail(response, 415, 'The body must be application/x-www-form-urlencoded.', cors);
    }
    const body = await readBody(request);
    if (body === undefined) {
      return fail(response, 413, `The body must be at most ${MAX_BODY} bytes.`, { ...cors, Connection: 'close' });
    }
    const parsed = parseBeacon(body);
    if ('error' in parsed) return fail(response, 400, parsed.error, cors);
    await append(parsed.beacon);
    response.writeHead(204, { ...COMMON_HEADERS, ...cors }).end();
  }

  async function lookUp(response: ServerResponse, consentId: string): Promise<void> {
    if (!UUID.test(consentId)) return fail(response, 400, 'The consent ID must be a UUID.');
    // With each record, the address of the words behind its banner hash, as the site publishes them.
    send(
      response,
      200,
      (await store.byConsentId(consentId.toLowerCase())).map((record) => ({
        ...record,
        bannerText: record.bannerHash === null ? null : `${config.siteUrl}/samtycke/texter/${record.bannerHash}.json`,
      })),
    );
  }

  async function exportPeriod(response: ServerResponse, query: URLSearchParams): Promise<void> {
    const from = query.get('from');
    const to = query.get('to');
    const format = query.get('format') ?? 'json';
    if (!isIsoDate(from) || !isIsoDate(to))
      return fail(response, 400, '"from" and "to" must be dates written YYYY-MM-DD.');
    if (from > to) return fail(response, 400, '"from" must not be after "to".');
    if (format !== 'csv' && format !== 'json') return fail(response, 400, '"format" must be csv or json.');
    response.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="consent-log-${from}-${to}.${format}"`,
    });
    // Page by page, waiting for the client, so a long period never holds up the beacons.
    const end = endOfDay(to);
    let after = { receivedAt: `${from}T00:00:00.000Z`, id: 0 };
    let written = 0;
    let text = format === 'csv' ? CSV_HEADER : '[';
    for (;;) {
      const page = await store.period(after, end, EXPORT_PAGE);
      if (page.length === 0) break;
      for (const record of page) {
        text += format === 'csv' ? csvLine(record) : `${written === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
        written++;
        after = record;
      }
      if (!response.write(text)) await drained(response);
      if (response.destroyed) return;
      text = '';
    }
    response.end(format === 'csv' ? text : `${text}${written === 0 ? ']' : '\n]'}\n`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://consent-log');
    if (url.pathname === '/health' && (request.method === 'GET' || request.method === 'HEAD')) {
      let problem: string | undefined;
      try {
        await store.check();
      } catch (error) {
        // Locked by a prune's batch is not unhealthy: the next check will write.
        if (!isBusy(error)) problem = (error as Error).message;
      }
      if (problem !== undefined) console.error(`Health check failed: ${problem}`);
      return send(
        response,
        problem === undefined ? 200 : 503,
        problem === undefined ? { status: 'ok' } : { status: 'failing', problem },
      );
    }
    const wait = waitFor(clientAddress(request));
    if (wait > 0) return fail(response, 429, 'Too many requests: try again shortly.', { 'Retry-After': String(wait) });
    if (url.pathname === BEACON_PATH) return receive(request, response);
    if (url.pathname === '/checkpoint' && config.signingKey) {
      if (request.method !== 'GET') return fail(response, 405, 'Use GET.', { Allow: 'GET' });
      return send(response, 200, takeCheckpoint(await store.head(), config.signingKey));
    }
    const staff = url.pathname === '/export' || url.pathname.startsWith(`${BEACON_PATH}/`);
    if (staff && tokenDigest) {
      if (!authorised(request, tokenDigest)) {
        return fail(response, 401, 'A valid bearer token is required.', { 'WWW-Authenticate': 'Bearer' });
      }
      if (request.method !== 'GET') return fail(response, 405, 'Use GET.', { Allow: 'GET' });
      if (url.pathname === '/export') return exportPeriod(response, url.searchParams);
      return lookUp(response, url.pathname.slice(BEACON_PATH.length + 1));
    }
    fail(response, 404, 'Not found.');
  }

  // Beacons are tiny: a client that takes long to send one is turned away. Node checks the
  // timeouts every `connectionsCheckingInterval`, 30 s by default: every second here.
  const server = createServer(
    {
      headersTimeout: config.headersTimeout,
      requestTimeout: config.requestTimeout,
      connectionsCheckingInterval: 1000,
      keepAliveTimeout: Math.min(5000, config.headersTimeout),
    },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        // One line: a client that went away is not the service's fault, and other errors name their cause.
        const aborted =
          !request.complete || request.socket.destroyed || (error as { code?: string }).code === 'ECONNRESET';
        console.error(
          aborted
            ? `${request.method} ${request.url?.split('?')[0]}: the client closed the connection before it was answered.`
            : `${request.method} ${request.url?.split('?')[0]} failed: ${(error as Error).message}`,
        );
        if (response.headersSent || aborted) response.destroy();
        else fail(response, 500, 'Internal error.');
      });
    },
  );
  server.maxConnections = config.maxConnections;
  return server;
}

/**
 * Stops `server`: it takes no new connections, closes idle ones at once, and
 * cuts those still open (a slow client) after `SHUTDOWN_GRACE`; then `done`.
 */
export function shutDown(server: Server, done: () => void): void {
  server.close(done);
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE).unref();
}
