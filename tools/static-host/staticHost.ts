// A static host that behaves like the ones the site is deployed to: it sends the
// headers of the build's own `_headers` file, compresses text with gzip, and
// answers revalidations with 304, so first and repeat visits weigh what they
// would in production (`astro preview` does none of this). The benchmark, the
// local cookie scan and the built-site tests all serve or read builds with it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

/** One `_headers` rule: a path pattern and the headers it sets. */
export type HeaderRule = [pattern: string, headers: Record<string, string>];

/**
 * A `_headers` file (the format Netlify and Cloudflare Pages read) as
 * [path pattern, { header: value }] pairs, in file order: hosts apply every match.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n').filter(Boolean)) {
    if (!/^\s/.test(line)) rules.push([line.trim(), {}]);
    else {
      const headers = rules.at(-1)?.[1];
      if (headers) headers[line.slice(0, line.indexOf(':')).trim()] = line.slice(line.indexOf(':') + 1).trim();
    }
  }
  return rules;
}

function readHeaderRules(dist: string): HeaderRule[] {
  const file = join(dist, '_headers');
  return existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : [];
}

/**
 * Whether a `_headers` path pattern applies to a request path: `/x/*` to
 * everything under /x/, anything else to that path only.
 */
export const matches = (pattern: string, path: string): boolean =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;

/** A file as it is served: its bytes, gzipped when it is text, and its ETag. */
interface Loaded {
  body: Buffer;
  gzipped: Buffer | undefined;
  etag: string;
}

/** Serves `dist` on `port` (127.0.0.1) and resolves once it listens. */
export function serveStatic(dist: string, port: number): Promise<Server> {
  const rules = readHeaderRules(dist);
  const cache = new Map<string, Loaded>();
  const load = (file: string): Loaded => {
    let loaded = cache.get(file);
    if (!loaded) {
      const body = readFileSync(file);
      const compress = COMPRESSIBLE.has(extname(file));
      loaded = {
        body,
        gzipped: compress ? gzipSync(body, { level: 9 }) : undefined,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      };
      cache.set(file, loaded);
    }
    return loaded;
  };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) file = join(dist, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = join(dist, '404.html');
    const { body: raw, gzipped, etag } = load(file);
    const gzip = gzipped && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const body = gzip ? gzipped : raw;
    const headers: OutgoingHttpHeaders = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    };
    for (const [pattern, values] of rules) if (matches(pattern, path)) Object.assign(headers, values);
    headers['ETag'] = etag;
    headers['Vary'] = 'Accept-Encoding';
    if (found && request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = body.length;
    response.writeHead(found ? 200 : 404, headers).end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
