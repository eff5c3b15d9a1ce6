// Faulty copies of the `site` build, for the tests of `npm run scan`. No extra
// build: the built pages are served as they are, with the tools' stand-in
// origin rewritten (pages, content security policy and the declaration alike)
// to faulty stand-ins of our own, and, for some faults, a script injected into
// every page. The consent log's origin is rewritten to those stand-ins as well:
// the real log takes beacons from the site's own origins only. The sitemap lists
// the home page only, so each scan is quick.
//   startFaultySite({ dist, standins, consentLog, port, fault })
//     serves `dist` at http://localhost:<port>, the faulty tools at http://127.0.0.1:<port + 1>
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { GTM_SCRIPT, matomoScript } from '../../tools/cookie-scan/standins/toolScripts.ts';

/** What the scan's result looks like, for the tests that read it. */
export type { ScanResult } from '../../tools/cookie-scan/types.ts';

/** What is wrong with a faulty site; the scan must name it. */
export type Fault =
  | 'undeclared-cookie'
  | 'cookie-before-consent'
  | 'long-lived-cookie'
  | 'undeclared-local-storage'
  | 'survives-withdrawal'
  | 'no-sitemap'
  | 'no-declaration'
  | 'invalid-declaration';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The pages the faulty sites' sitemap lists, as production URLs: the scan takes
 * their paths. One is enough for every fault, and keeps each scan short.
 */
const PAGES = ['/'];

/** Matomo as the stand-ins play it (tools/cookie-scan/standins/server.ts), with the fault's twist. */
function matomo(fault: Fault): string {
  return matomoScript({
    sessionSeconds: fault === 'long-lived-cookie' ? 7200 : 1800,
    onPageView:
      fault === 'undeclared-cookie'
        ? "set('_pk_cvar.' + siteId + '.' + hash, 'x', 1800);"
        : fault === 'survives-withdrawal'
          ? "new Image().src = location.origin + '/fault/collect';"
          : '',
  });
}

/** A tracker pasted straight into the layout: it stores on every page, whatever the visitor chose. */
const HARD_CODED_TAG = `document.cookie = '_pk_id.1.1f2e=a1b2c3d4e5f6.1700000000; path=/; max-age=33696000; SameSite=Lax';`;

/** A script of the site's own that remembers the visit in localStorage, undeclared. */
const LOCAL_STORAGE_SCRIPT = `localStorage.setItem('tt_senaste_besok', String(Date.now()));`;

/**
 * Serves `dist` with `fault` at http://localhost:<port>, with the stand-ins at
 * `standins` and the consent log at `consentLog` rewritten to faulty stand-ins
 * at http://127.0.0.1:<port + 1>.
 */
export async function startFaultySite({
  dist,
  standins,
  consentLog,
  port,
  fault,
}: {
  dist: string;
  standins: string;
  consentLog: string;
  port: number;
  fault: Fault;
}): Promise<{ origin: string; standins: string; close: () => Promise<void> }> {
  const faultyStandins = `http://127.0.0.1:${port + 1}`;
  const rewrite = (text: string) => text.replaceAll(standins, faultyStandins).replaceAll(consentLog, faultyStandins);
  const injected =
    fault === 'cookie-before-consent'
      ? `<script src="${faultyStandins}/matomo/tag.js"></script>`
      : fault === 'undeclared-local-storage'
        ? '<script src="/fault.js"></script>'
        : '';

  const site = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    if (path === '/fault.js') {
      response.writeHead(200, { 'Content-Type': TYPES['.js'] }).end(LOCAL_STORAGE_SCRIPT);
      return;
    }
    if (path === '/fault/collect') {
      // A first-party collector that sets a statistics cookie the page's scripts cannot delete.
      response
        .writeHead(204, {
          'Set-Cookie': '_pk_id.1.9a9a=server; Path=/; Max-Age=33696000; HttpOnly; SameSite=Lax',
        })
        .end();
      return;
    }
    if ((path === '/sitemap-index.xml' || path === '/sitemap.xml') && fault === 'no-sitemap') {
      response.writeHead(404).end();
      return;
    }
    if (path === '/sitemap-0.xml') {
      const urls = PAGES.map((page) => `<url><loc>https://techtroopers.com${page}</loc></url>`).join('');
      response
        .writeHead(200, { 'Content-Type': TYPES['.xml'] })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
        );
      return;
    }
    if (path === '/cookiepolicy/deklaration.json') {
      if (fault === 'no-declaration') {
        response.writeHead(404).end();
        return;
      }
      if (fault === 'invalid-declaration') {
        const declaration = JSON.parse(rewrite(readFileSync(join(dist, path), 'utf8')));
        declaration.entries[1].category = 'reklam';
        delete declaration.policy;
        response.writeHead(200, { 'Content-Type': TYPES['.json'] }).end(JSON.stringify(declaration));
        return;
      }
    }
    let file = normalize(join(dist, path));
    if (file.startsWith(dist) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': TYPES['.html'] }).end('<!doctype html><title>404</title>');
      return;
    }
    const type: string = TYPES[extname(file) as keyof typeof TYPES] ?? 'application/octet-stream';
    if (!/^(text\/html|application\/(json|xml))/.test(type)) {
      response.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
      return;
    }
    let text = rewrite(readFileSync(file, 'utf8'));
    if (type.startsWith('text/html') && injected) text = text.replace('</head>', `${injected}</head>`);
    response.writeHead(200, { 'Content-Type': type }).end(text);
  });

  const tools = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const cors = { 'Access-Control-Allow-Origin': '*' };
    const script = { 'Content-Type': TYPES['.js'], ...cors };
    if (path === '/matomo/matomo.js') response.writeHead(200, script).end(matomo(fault));
    else if (path === '/matomo/tag.js') response.writeHead(200, script).end(HARD_CODED_TAG);
    else if (path === '/gtm.js') response.writeHead(200, script).end(GTM_SCRIPT);
    else if (['/matomo/matomo.php', '/consent-log', '/samtycke'].includes(path)) response.writeHead(204, cors).end();
    else response.writeHead(404, cors).end();
  });

  const listen = (server: Server, at: number) =>
    new Promise((done) => server.listen(at, '127.0.0.1', () => done(undefined)));
  await listen(site, port);
  await listen(tools, port + 1);
  const stop = (server: Server) => new Promise((done) => server.close(() => done(undefined)));
  return {
    // localhost, not 127.0.0.1: the stand-ins must be another site, as the real tools are.
    origin: `http://localhost:${port}`,
    standins: faultyStandins,
    close: async () => {
      site.closeAllConnections();
      tools.closeAllConnections();
      await Promise.all([stop(site), stop(tools)]);
    },
  };
}
