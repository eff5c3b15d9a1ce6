// The benchmark: page weight, returning visits, opening the preferences by click and by tap,
// the accept click against the bare library, Lighthouse, build scale, the cookie scan's time
// and the consent log under load. It reports; it does not fail on a missed target. Figures
// go to stdout and, for a full run with the default options, to BENCHMARKS.md (a partial
// run writes .bench/BENCHMARKS.md).
//   npm run bench                        everything (the page parts alone took 14 minutes on two cores,
//                                        most of it under load; scale, scan and consent log add several)
//   npm run bench -- --only weight,returning,accept,lighthouse,scale,scan,consent-log
//                                        some parts only, e.g. `--only accept` or `--only returning`
//   npm run bench -- --sites v2          the page parts on one build only (v1: as published, v2: version 2 in force)
//   npm run bench -- --scale 10,100      other version counts for the scale part
//   npm run bench -- --runs 5            Lighthouse runs per page (median reported)
// BENCH_PORT moves the port the builds are served on (default 4490; the scan uses two above it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../tools/chromium/find.ts';
import { serveStatic } from '../tools/static-host/staticHost.ts';
import { measureAccept, writeBarePage } from './acceptClick.ts';
import { CONSENT_LOG_LOAD, measureConsentLog } from './consentLog.ts';
import { isTimed, measureReturning } from './interaction.ts';
import { measureLighthouse } from './lighthouse.ts';
import { buildPagesSite, isPagesSiteName, PAGES_SITES, type PagesSiteName } from './pagesSite.ts';
import { measureWeight } from './pageWeights.ts';
import { composeReport } from './report.ts';
import type { Results, SiteResults } from './results.ts';
import { measureScale } from './scale.ts';
import { measureScan } from './scan.ts';
import { log, PORT, root, work } from './shared.ts';

const PARTS = ['weight', 'returning', 'accept', 'lighthouse', 'scale', 'scan', 'consent-log'];
const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: '10,100,1000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: PARTS.join(',') },
    sites: { type: 'string', default: Object.keys(PAGES_SITES).join(',') },
  },
});
const parts = new Set(options.only.split(','));
const unknown = [...parts].filter((part) => !PARTS.includes(part));
const sites = options.sites.split(',');
const unknownSites = sites.filter((site) => !isPagesSiteName(site));
if (unknown.length > 0 || unknownSites.length > 0) {
  console.error(
    `Unknown ${unknown.length > 0 ? `part ${unknown.join(', ')} (parts: ${PARTS.join(', ')})` : `build ${unknownSites.join(', ')} (builds: ${Object.keys(PAGES_SITES).join(', ')})`}.`,
  );
  process.exit(1);
}
const counts = options.scale.split(',').map(Number);
const runs = Number(options.runs);
/** Only a run of everything, as committed, may replace BENCHMARKS.md. */
const fullRun = process.argv.slice(2).length === 0;

const browserPath = findChromium();
if (!browserPath) {
  console.error('No Chromium found: run `node tools/chromium/ensure.ts` or set CHROMIUM_PATH.');
  process.exit(1);
}

const started = performance.now();
mkdirSync(work, { recursive: true });
const results: Results = {};
/** Runs one part; a part that fails is reported, and the others still run. */
async function part(name: string, run: () => Promise<void>): Promise<void> {
  if (!parts.has(name)) return;
  try {
    await run();
  } catch (error) {
    log(`${name} failed: ${String(error)}`);
    (results.failed ??= []).push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (['weight', 'returning', 'accept', 'lighthouse'].some((part) => parts.has(part))) {
  results.sites = {};
  for (const name of sites as PagesSiteName[]) {
    const { dist, pages } = await buildPagesSite(name);
    writeBarePage(dist, '/');
    const server = await serveStatic(dist, PORT);
    const origin = `http://localhost:${PORT}`;
    const site: SiteResults = (results.sites[name] = {});
    log(`measuring ${name}…`);
    try {
      await part('weight', async () => void (site.weight = await measureWeight(origin, pages, browserPath)));
      // Opening the preferences is timed on the start page, and on the largest page (the changes
      // page) where there is one: the consent script is the same on every page.
      await part('returning', async () => {
        site.returning = await measureReturning(origin, pages, browserPath, { timed: isTimed });
      });
      await part('accept', async () => void (site.accept = await measureAccept(origin, '/', browserPath)));
      await part('lighthouse', async () => {
        site.lighthouse = await measureLighthouse(origin, pages, runs, browserPath);
      });
    } finally {
      server.close();
    }
  }
}
await part('scale', async () => void (results.scale = await measureScale(counts)));
await part('scan', async () => void (results.scan = await measureScan()));
await part('consent-log', async () => {
  log(`consent log: ${CONSENT_LOG_LOAD.beacons} beacons from ${CONSENT_LOG_LOAD.clients} clients…`);
  results.consentLog = await measureConsentLog({ root, work, ...CONSENT_LOG_LOAD });
});

const minutes = (performance.now() - started) / 60_000;
const args = process.argv.slice(2);
const command = ['npm run bench', ...(args.length > 0 ? ['--', ...args] : [])].join(' ');
const text = await composeReport(results, { command, runs, browserPath, minutes });
const file = fullRun ? join(root, 'BENCHMARKS.md') : join(work, 'BENCHMARKS.md');
writeFileSync(file, text);
console.log(`\n${text}\nWritten to ${file} after ${minutes.toFixed(1)} minutes.`);
