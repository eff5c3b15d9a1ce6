// The benchmark: page weight, returning visits, Lighthouse, build scale, the cookie scan's time and the
// consent log under load. It reports; it does not fail on a missed target. Figures go
// to stdout and, for a full run with the default options, to BENCHMARKS.md (a partial
// run writes .bench/BENCHMARKS.md).
//   npm run bench                       everything (about a quarter of an hour on two cores)
//   npm run bench -- --scale 10,100     other version counts for the scale part
//   npm run bench -- --runs 5           Lighthouse runs per page (median reported)
//   npm run bench -- --only weight,returning,lighthouse,scale,scan,consent-log
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../tools/chromium/find.ts';
import { serveStatic } from '../tools/static-host/staticHost.ts';
import { CONSENT_LOG_LOAD, measureConsentLog } from './consentLog.ts';
import { measureReturning } from './interaction.ts';
import { measureLighthouse } from './lighthouse.ts';
import { buildPagesSite } from './pagesSite.ts';
import { measureWeight } from './pageWeights.ts';
import { composeReport } from './report.ts';
import type { Results } from './results.ts';
import { measureScale } from './scale.ts';
import { measureScan } from './scan.ts';
import { log, PORT, root, work } from './shared.ts';

const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: '10,100,1000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: 'weight,returning,lighthouse,scale,scan,consent-log' },
  },
});
const parts = new Set(options.only.split(','));
const counts = options.scale.split(',').map(Number);
const runs = Number(options.runs);
/** Only a run of everything, as committed, may replace BENCHMARKS.md. */
const fullRun = process.argv.slice(2).length === 0;

const browserPath = findChromium();
if (!browserPath) {
  console.error('No Chromium found: run `node tools/chromium/ensure.ts` or set CHROMIUM_PATH.');
  process.exit(1);
}

mkdirSync(work, { recursive: true });
const results: Results = {};
if (parts.has('weight') || parts.has('returning') || parts.has('lighthouse')) {
  const { dist, pages } = await buildPagesSite();
  const server = await serveStatic(dist, PORT);
  const origin = `http://localhost:${PORT}`;
  try {
    if (parts.has('weight')) results.weight = await measureWeight(origin, pages, browserPath);
    if (parts.has('returning')) results.returning = await measureReturning(origin, pages, browserPath);
    if (parts.has('lighthouse')) results.lighthouse = await measureLighthouse(origin, pages, runs, browserPath);
  } finally {
    server.close();
  }
}
if (parts.has('scale')) results.scale = await measureScale(counts);
if (parts.has('scan')) results.scan = await measureScan();
if (parts.has('consent-log')) {
  log(`consent log: ${CONSENT_LOG_LOAD.beacons} beacons from ${CONSENT_LOG_LOAD.clients} clients…`);
  results.consentLog = await measureConsentLog({ root, work, ...CONSENT_LOG_LOAD });
}

const command = ['npm run bench', ...process.argv.slice(2)].join(' ');
const text = await composeReport(results, { command, runs, browserPath });
const file = fullRun ? join(root, 'BENCHMARKS.md') : join(work, 'BENCHMARKS.md');
writeFileSync(file, text);
console.log(`\n${text}\nWritten to ${file}.`);
