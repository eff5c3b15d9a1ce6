/**
 * The HTTP side of the consent log:
 *   POST /samtycke              a beacon from the site (form-encoded, at most 2 KB)
 *   GET  /samtycke/<consentId>  staff: that consent ID's records, oldest first
 *   GET  /export?from=&to=&format=csv|json   staff: the records of a period
 *   GET  /health                for the container's health check
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
import { createRateLimiter } from './rateLimit.ts';
import { isIsoDate } from './shared.ts';
import type { Store } from './store.ts';

/** The largest beacon body accepted, in bytes; the site's are a few hundred. */
const MAX_BODY = 2048;
const EXPORT_PAGE = 500;
const BEACON_PATH = '/samtycke';
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
 * go into the next transaction, so that one fsync acknowledges many. Each promise
 * settles once its transaction has committed, or failed.
 */
function groupCommit(store: Store): (beacon: Beacon) => Promise<void> {
  let batch: { beacon: Beacon; receivedAt: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const entries = batch;
    batch = [];
    try {
      store.append(entries);
    } catch (error) {
      for (const entry of entries) entry.reject(error);
      return;
    }
    for (const entry of entries) entry.resolve();
  };
  return (beacon) =>
    new Promise((resolve, reject) => {
      if (batch.length === 0) setImmediate(flush);
      batch.push({ beacon, receivedAt: new Date().toISOString(), resolve, reject });
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

/** The day after a YYYY-MM-DD day, as the instant it starts (UTC). */
const startOfDayAfter = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

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

  function lookUp(response: ServerResponse, consentId: string): void {
    if (!UUID.test(consentId)) return fail(response, 400, 'The consent ID must be a UUID.');
    send(response, 200, store.byConsentId(consentId.toLowerCase()));
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
    const end = startOfDayAfter(to);
    let after = { receivedAt: `${from}T00:00:00.000Z`, id: 0 };
    let written = 0;
    let text = format === 'csv' ? CSV_HEADER : '[';
    for (;;) {
      const page = store.period(after, end, EXPORT_PAGE);
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
    if (url.pathname === '/health' && request.method === 'GET') {
      store.check();
      return send(response, 200, { status: 'ok' });
    }
    const wait = waitFor(clientAddress(request));
    if (wait > 0) return fail(response, 429, 'Too many requests: try again shortly.', { 'Retry-After': String(wait) });
    if (url.pathname === BEACON_PATH) return receive(request, response);
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

  // Beacons are tiny: a client that takes long to send one is turned away.
  return createServer({ requestTimeout: 10_000, headersTimeout: 5_000 }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (response.headersSent) response.destroy();
      else fail(response, 500, 'Internal error.');
    });
  });
}
