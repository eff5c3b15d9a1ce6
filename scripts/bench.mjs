// The benchmark: page weight, returning visits, Lighthouse, build scale, the cookie scan's time and the
// consent log under load. It reports; it does not fail on a missed target. Figures go
// to stdout and, for a full run with the default options, to BENCHMARKS.md (a partial
// run writes .bench/BENCHMARKS.md).
//   npm run bench                       everything (about a quarter of an hour on two cores)
//   npm run bench -- --scale 10,100     other version counts for the scale part
//   npm run bench -- --runs 5           Lighthouse runs per page (median reported)
//   npm run bench -- --only weight,returning,lighthouse,scale,scan,consent-log
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium, QUIET_CHROMIUM } from '../tools/chromium/find.ts';
import { measureConsentLog } from './bench/consent-log.mjs';
import { generateVersions } from './bench/generate-versions.mjs';
import { writeFixtureContent } from './fixture-content.mjs';
import { serveStatic } from './bench/static-server.mjs';
import { withLocalSite } from './scan/local.mjs';
import { scanSite } from './scan/run.mjs';

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

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.bench');
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
const PORT = 4490;
const SCALE_LAST_DATE = '2026-11-24';
/** The consent log's load: beacons in all, from this many clients at once. */
const CONSENT_LOG_LOAD = { beacons: 10_000, clients: 50 };
/** The published versions plus the test fixtures' later ones, seen on a day when a changes page exists. */
const PAGES_DAY = '2027-03-01';

const browserPath = findChromium();
if (!browserPath) {
  console.error('No Chromium found: run `node tools/chromium/ensure.ts` or set CHROMIUM_PATH.');
  process.exit(1);
}
const log = (message) => console.log(`[bench] ${message}`);

/**
 * Runs `astro build` with `env` and measures it.
 * @returns {Promise<{ seconds: number; peakMiB: number }>}
 */
function build(env, logFile) {
  const peakFile = join(work, `peak-${process.pid}-${Date.now()}.txt`);
  writeFileSync(peakFile, '');
  const started = performance.now();
  const child = spawn(process.execPath, [astroBin, 'build'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      BENCH_PEAK_FILE: peakFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(root, 'scripts/bench/peak-memory.mjs')).href}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((done, fail) => {
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      writeFileSync(logFile, Buffer.concat(output));
      if (code !== 0) {
        fail(new Error(`astro build failed (exit ${code}); see ${logFile}`));
        return;
      }
      const peaks = readFileSync(peakFile, 'utf8').split('\n').filter(Boolean).map(Number);
      rmSync(peakFile);
      done({ seconds, peakMiB: Math.max(...peaks) / 1024 });
    });
  });
}

/** Every file under `dir`, recursively. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => join(dir, file))
    .filter((file) => statSync(file).isFile());
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kib = (bytes) => (bytes / 1024).toFixed(1);

// ---------------------------------------------------------------------------
// The site the page measurements look at

async function buildPagesSite() {
  rmSync(join(work, 'pages'), { recursive: true, force: true });
  const content = writeFixtureContent(join(work, 'pages/content'));
  const dist = join(work, 'pages/dist');
  log(`building the site for page measurements (${PAGES_DAY})…`);
  await build(
    {
      POLICIES_DIR: content,
      SITE_TODAY: PAGES_DAY,
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(work, 'pages/cache'),
    },
    join(work, 'pages/build.log'),
  );
  const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>https:\/\/techtroopers\.com([^<]*)<\/loc>/g)].map((match) => match[1]);
  const changes = paths.filter((path) => /^\/integritetspolicy\/versioner\/[\d-]+\/andringar\/$/.test(path)).sort();
  return {
    dist,
    pages: [
      { name: 'Startsida', path: '/' },
      { name: 'Integritetspolicy', path: '/integritetspolicy/' },
      { name: 'Cookiepolicy', path: '/cookiepolicy/' },
      { name: 'Versionshistorik', path: '/integritetspolicy/versioner/' },
      { name: 'Ändringar (diff)', path: changes[0] },
      { name: 'Kontakt', path: '/kontakt/' },
    ],
  };
}

// ---------------------------------------------------------------------------
// Page weight: what a first visit and a repeat visit with consent stored cost

const KINDS = { Document: 'html', Stylesheet: 'css', Script: 'js' };

async function visit(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  // What the server really answered: `responseReceived` shows a revalidated
  // response as the cached 200, `responseReceivedExtraInfo` as the 304 it was.
  const raw = new Map();
  const entry = (id) => requests.get(id) ?? requests.set(id, { type: 'Other', cached: false }).get(id);
  cdp.on('Network.requestWillBeSent', (event) => void (entry(event.requestId).type = event.type ?? 'Other'));
  cdp.on('Network.requestServedFromCache', (event) => void (entry(event.requestId).cached = true));
  cdp.on('Network.responseReceived', (event) => {
    const request = entry(event.requestId);
    request.type = event.type;
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) request.cached = true;
  });
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    const length = Object.entries(event.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    raw.set(event.requestId, { status: event.statusCode, body: Number(length ?? 0) });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const network = [...requests.entries()].filter(([id, request]) => !request.cached && raw.has(id));
  const bytes = { html: 0, css: 0, js: 0, other: 0 };
  for (const [id, request] of network) bytes[KINDS[request.type] ?? 'other'] += raw.get(id).body;
  return {
    page,
    requests: network.length,
    revalidated: network.filter(([id]) => raw.get(id).status === 304).length,
    bytes,
  };
}

async function measureWeight(origin, pages) {
  log('page weight…');
  const browser = await chromium.launch({ executablePath: browserPath, args: QUIET_CHROMIUM });
  const results = [];
  try {
    for (const { name, path } of pages) {
      const context = await browser.newContext({ locale: 'sv-SE' });
      const first = await visit(context, origin + path);
      await first.page.getByRole('button', { name: 'Acceptera alla' }).click();
      await first.page.getByRole('button', { name: 'Acceptera alla' }).waitFor({ state: 'hidden' });
      await first.page.close();
      const repeat = await visit(context, origin + path);
      const banner = await repeat.page.getByRole('button', { name: 'Acceptera alla' }).isVisible();
      if (banner) throw new Error(`The banner asked again on the repeat visit to ${path}.`);
      await context.close();
      results.push({ name, path, first, repeat });
    }
  } finally {
    await browser.close();
  }
  return results;
}

// ---------------------------------------------------------------------------
// Returning visitors: the JS a repeat visit runs, and how soon the preferences open

/** Samples of the click-to-dialog time per page and way of opening. */
const OPEN_SAMPLES = 10;
/** The footer link that opens the preferences, and the dialog it opens. */
const settingsLink = (page) => page.getByRole('contentinfo').getByRole('link', { name: 'Cookieinställningar' });
const preferencesDialog = (page) => page.getByRole('dialog', { name: 'Cookieinställningar' });

/** The consent's own scripts: the small one every page runs, and the banner it loads when needed. */
const CONSENT_SCRIPT = /\/(ConsentBanner\.astro[^/]*|banner-[^/]*)\.js$/;

/**
 * The gzipped bytes (level 9, as the budget test counts them) of every script the page
 * runs, from cache or not: all of them, and the consent's alone (a page's own feature, such
 * as the contact page's request form, is not the consent's to budget).
 */
async function scriptsRun(page, url) {
  const loaded = [];
  const onResponse = (response) => {
    if (response.request().resourceType() !== 'script' || response.status() !== 200) return;
    const consent = CONSENT_SCRIPT.test(new URL(response.url()).pathname);
    loaded.push(response.body().then((body) => ({ consent, bytes: gzipSync(body, { level: 9 }).length })));
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const scripts = await Promise.all(loaded);
  const sum = (list) => list.reduce((total, script) => total + script.bytes, 0);
  return { scripts: scripts.length, bytes: sum(scripts), consent: sum(scripts.filter((script) => script.consent)) };
}

/**
 * Milliseconds from the click on Cookieinställningar to the first frame in which the
 * preferences are visible. `hover`: the pointer rests on the link first (which prefetches
 * the banner) until the page's network is idle, as it would while a visitor aims.
 */
async function clickToDialog(page, { hover }) {
  const link = settingsLink(page);
  if (hover) {
    await link.hover();
    await page.waitForLoadState('networkidle');
  }
  // Watched from inside the page, frame by frame from the click on: a check from outside
  // would add its own round trip to the figure.
  await page.evaluate(() => {
    const watch = () => {
      const dialog = document.querySelector('[role="dialog"][aria-modal="true"], dialog[open]');
      if (dialog?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        globalThis.__openedIn = performance.now() - globalThis.__clickedAt;
      } else requestAnimationFrame(watch);
    };
    document.addEventListener(
      'click',
      () => {
        globalThis.__clickedAt = performance.now();
        requestAnimationFrame(watch);
      },
      { capture: true, once: true },
    );
  });
  await link.click();
  const ms = await (await page.waitForFunction(() => globalThis.__openedIn)).jsonValue();
  await preferencesDialog(page).waitFor({ state: 'visible' });
  return ms;
}

async function measureReturning(origin, pages) {
  log(`returning visitors: JS run, and click to preferences (median of ${OPEN_SAMPLES})…`);
  const browser = await chromium.launch({ executablePath: browserPath, args: QUIET_CHROMIUM });
  const results = [];
  try {
    for (const { name, path } of pages) {
      const url = origin + path;
      // Consent stored once, with everything accepted, so the tools' start is counted too.
      const first = await browser.newContext({ locale: 'sv-SE' });
      const firstPage = await first.newPage();
      await firstPage.goto(url);
      await firstPage.getByRole('button', { name: 'Acceptera alla' }).click();
      await firstPage.getByRole('button', { name: 'Acceptera alla' }).waitFor({ state: 'hidden' });
      const cookies = await first.cookies();
      await first.close();

      const returning = async () => {
        const context = await browser.newContext({ locale: 'sv-SE' });
        await context.addCookies(cookies);
        return context;
      };
      // JS run on a repeat visit: a warm cache changes where scripts come from, not which run.
      const context = await returning();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      const run = await scriptsRun(page, url);
      await context.close();

      // Each sample in a fresh context: the banner is not yet in any cache, as on a visitor's first open.
      const samples = { hover: [], direct: [] };
      for (let sample = 0; sample < OPEN_SAMPLES; sample++) {
        for (const way of ['hover', 'direct']) {
          const context = await returning();
          const page = await context.newPage();
          await page.goto(url, { waitUntil: 'networkidle' });
          samples[way].push(await clickToDialog(page, { hover: way === 'hover' }));
          await context.close();
        }
      }
      results.push({ name, path, run, hover: median(samples.hover), direct: median(samples.direct) });
      log(
        `  ${path}: ${run.bytes} B of JS (${run.consent} B consent); open ${median(samples.hover).toFixed(0)} ms after hover, ${median(samples.direct).toFixed(0)} ms without`,
      );
    }
  } finally {
    await browser.close();
  }
  return results;
}

// ---------------------------------------------------------------------------
// Lighthouse, mobile (its defaults: a mid-range phone on a slow 4G connection, simulated)

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

async function measureLighthouse(origin, pages) {
  log(`Lighthouse, ${runs} runs per page…`);
  const chrome = await chromeLauncher.launch({
    chromePath: browserPath,
    chromeFlags: ['--headless=new', '--no-sandbox', ...QUIET_CHROMIUM],
  });
  const results = [];
  try {
    for (const { name, path } of pages) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const { lhr } = await lighthouse(origin + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        });
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
        samples.push({
          scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])),
          lcp: lhr.audits['largest-contentful-paint'].numericValue,
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
          tbt: lhr.audits['total-blocking-time'].numericValue,
          failing: CATEGORIES.flatMap((id) =>
            lhr.categories[id].auditRefs
              .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 0.9)
              .map((ref) => ref.id),
          ),
        });
      }
      results.push({
        name,
        path,
        scores: Object.fromEntries(CATEGORIES.map((id) => [id, median(samples.map((sample) => sample.scores[id]))])),
        lcp: median(samples.map((sample) => sample.lcp)),
        cls: median(samples.map((sample) => sample.cls)),
        tbt: median(samples.map((sample) => sample.tbt)),
        failing: [...new Set(samples.flatMap((sample) => sample.failing))],
      });
      log(`  ${path}: ${CATEGORIES.map((id) => results.at(-1).scores[id]).join(' / ')}`);
    }
  } finally {
    chrome.kill();
  }
  return results;
}

// ---------------------------------------------------------------------------
// Scale: N versions of each policy, built from cold

async function measureScale() {
  const results = [];
  for (const count of counts) {
    const dir = join(work, `scale/${count}`);
    rmSync(dir, { recursive: true, force: true });
    const files = generateVersions({
      sourceDir: join(root, 'src/content/policies'),
      outDir: join(dir, 'content'),
      count,
      lastDate: SCALE_LAST_DATE,
    });
    log(`scale: building ${count} versions per policy (${files} files)…`);
    const dist = join(dir, 'dist');
    const { seconds, peakMiB } = await build(
      {
        POLICIES_DIR: join(dir, 'content'),
        SITE_TODAY: SCALE_LAST_DATE,
        ASTRO_OUT_DIR: dist,
        ASTRO_CACHE_DIR: join(dir, 'cache'),
      },
      join(dir, 'build.log'),
    );
    const output = filesUnder(dist);
    const largest = output
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ path: `/${relative(dist, file)}`, bytes: statSync(file).size }))
      .reduce((a, b) => (b.bytes > a.bytes ? b : a));
    results.push({
      count,
      files,
      pages: output.filter((file) => file.endsWith('.html')).length,
      seconds,
      peakMiB,
      outputBytes: output.reduce((sum, file) => sum + statSync(file).size, 0),
      largest,
    });
    log(`  ${count}: ${seconds.toFixed(1)} s, ${peakMiB.toFixed(0)} MiB`);
    // The output of 1000 versions is large; keep only the figures.
    rmSync(dist, { recursive: true, force: true });
  }
  return results;
}

// ---------------------------------------------------------------------------
// The cookie scan: every page in every consent state, as `npm run scan` does it

async function measureScan() {
  log('cookie scan of the local build…');
  const result = await withLocalSite((origin) => scanSite({ url: origin, log: (message) => log(`  ${message}`) }), {
    log: (message) => log(`  ${message}`),
    port: PORT + 2,
  });
  const count = (severity) => result.findings.filter((finding) => finding.severity === severity).length;
  log(`  ${result.seconds.toFixed(1)} s`);
  return {
    pages: result.pages.length,
    states: result.states.length,
    visits: result.states.reduce((sum, state) => sum + state.snapshots.length, 0),
    seconds: result.seconds,
    errors: count('error'),
    warnings: count('warning'),
    browser: result.browser,
  };
}

// ---------------------------------------------------------------------------
// The report

async function versionOf(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  await new Promise((done) => child.on('exit', done));
  return Buffer.concat(chunks).toString().trim();
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function machine() {
  const cpu = cpus();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Linux ${release()}`,
    `Node ${process.versions.node}, Astro ${packageVersion('astro')}, Lighthouse ${packageVersion('lighthouse')}`,
    (await versionOf(browserPath, ['--version'])).split('\n')[0],
  ];
}

function weightTable(weight) {
  const row = (visit) =>
    `${visit.requests}${visit.revalidated ? ` (${visit.revalidated} × 304)` : ''} | ${kib(visit.bytes.html)} | ${kib(visit.bytes.css)} | ${kib(visit.bytes.js)} | ${kib(visit.bytes.html + visit.bytes.css + visit.bytes.js)}`;
  return [
    '| Page | Path | First visit: requests | HTML | CSS | JS | HTML+CSS+JS | Repeat visit: requests | HTML | CSS | JS | HTML+CSS+JS |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...weight.map(({ name, path, first, repeat }) => `| ${name} | \`${path}\` | ${row(first)} | ${row(repeat)} |`),
  ].join('\n');
}

function returningTable(results) {
  return [
    '| Page | Path | Scripts run | JS run (gzipped) | of it consent | Click to preferences, after hover | Click to preferences, no hover |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (result) =>
        `| ${result.name} | \`${result.path}\` | ${result.run.scripts} | ${result.run.bytes} B | ${result.run.consent} B | ${result.hover.toFixed(0)} ms | ${result.direct.toFixed(0)} ms |`,
    ),
  ].join('\n');
}

function lighthouseTable(results) {
  return [
    '| Page | Performance | Accessibility | Best practices | SEO | LCP | CLS | TBT |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (result) =>
        `| ${result.name} | ${CATEGORIES.map((id) => result.scores[id]).join(' | ')} | ${(result.lcp / 1000).toFixed(2)} s | ${result.cls.toFixed(3)} | ${Math.round(result.tbt)} ms |`,
    ),
  ].join('\n');
}

function scaleTable(results) {
  return [
    '| Versions per policy | MDX files | Pages | Build time | Peak memory | Output | Largest page (HTML) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (result) =>
        `| ${result.count} | ${result.files} | ${result.pages} | ${result.seconds.toFixed(1)} s | ${result.peakMiB.toFixed(0)} MiB | ${(result.outputBytes / 2 ** 20).toFixed(1)} MiB | ${kib(result.largest.bytes)} KiB \`${result.largest.path}\` |`,
    ),
  ].join('\n');
}

function scanTable(scan) {
  return [
    '| Pages | Consent states | Pages read | Scan time | Errors | Warnings |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${scan.pages} | ${scan.states} | ${scan.visits} | ${scan.seconds.toFixed(1)} s | ${scan.errors} | ${scan.warnings} |`,
  ].join('\n');
}

function consentLogTable(result) {
  const ms = (value) => `${value.toFixed(1)} ms`;
  const row = (name, load) =>
    `| ${name} | ${load.seconds.toFixed(1)} s | ${Math.round(load.throughput)} /s | ${ms(load.p50)} | ${ms(load.p95)} | ${ms(load.p99)} | ${ms(load.max)} | ${load.errors} |`;
  return [
    '| Server | Time | Throughput | p50 | p95 | p99 | Max | Errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('Consent log', result.consentLog),
    row('Bare Node server (baseline)', result.baseline),
  ].join('\n');
}

function targets({ returning, lighthouse: lh, scale, scan, consentLog }) {
  const lines = [];
  if (returning) {
    const heaviest = Math.max(...returning.map((result) => result.run.consent));
    const slowest = Math.max(...returning.map((result) => result.hover));
    lines.push(
      `- A repeat visit runs at most 2 KiB of consent JS gzipped on every page: **${heaviest <= 2048 ? 'met' : 'missed'}** (at most ${heaviest} B).`,
      `- The preferences open within 100 ms of a click after hover (median): **${slowest <= 100 ? 'met' : 'missed'}** (at most ${slowest.toFixed(0)} ms).`,
    );
  }
  if (lh) {
    const below = lh.flatMap((result) =>
      CATEGORIES.filter((id) => result.scores[id] < 100).map((id) => `${result.name} ${id} ${result.scores[id]}`),
    );
    lines.push(
      below.length === 0
        ? '- Lighthouse 100 in every category on every page type: **met**.'
        : `- Lighthouse 100 in every category on every page type: **missed** (${below.join('; ')}).`,
    );
  }
  const at = (count) => scale?.find((result) => result.count === count);
  if (at(1000)) {
    const seconds = at(1000).seconds;
    lines.push(
      `- 2 × 1000 versions built in under 60 s: **${seconds < 60 ? 'met' : 'missed'}** (${seconds.toFixed(1)} s).`,
    );
  }
  if (at(1000)) {
    const { bytes, path } = at(1000).largest;
    lines.push(
      `- At 1000 versions no HTML page over 100 KB: **${bytes <= 100_000 ? 'met' : 'missed'}** (largest ${bytes} B, \`${path}\`).`,
    );
  }
  if (at(1000) && at(100)) {
    const ratio = at(1000).seconds / at(100).seconds;
    lines.push(`- t(1000) / t(100) at most 12: **${ratio <= 12 ? 'met' : 'missed'}** (${ratio.toFixed(1)}).`);
  }
  if (scan) {
    lines.push(
      `- Cookie scan of every page in every consent state in under 60 s: **${scan.seconds < 60 ? 'met' : 'missed'}** (${scan.seconds.toFixed(1)} s).`,
    );
  }
  if (consentLog) {
    const { errors, p99 } = consentLog.consentLog;
    lines.push(
      `- Consent log: 0 errors and p99 under 50 ms: **${errors === 0 && p99 < 50 ? 'met' : 'missed'}** (${errors} errors, p99 ${p99.toFixed(1)} ms).`,
    );
  }
  return lines.join('\n');
}

async function main() {
  mkdirSync(work, { recursive: true });
  const results = {};
  if (parts.has('weight') || parts.has('returning') || parts.has('lighthouse')) {
    const { dist, pages } = await buildPagesSite();
    const server = await serveStatic(dist, PORT);
    const origin = `http://localhost:${PORT}`;
    try {
      if (parts.has('weight')) results.weight = await measureWeight(origin, pages);
      if (parts.has('returning')) results.returning = await measureReturning(origin, pages);
      if (parts.has('lighthouse')) results.lighthouse = await measureLighthouse(origin, pages);
    } finally {
      server.close();
    }
  }
  if (parts.has('scale')) results.scale = await measureScale();
  if (parts.has('scan')) results.scan = await measureScan();
  if (parts.has('consent-log')) {
    log(`consent log: ${CONSENT_LOG_LOAD.beacons} beacons from ${CONSENT_LOG_LOAD.clients} clients…`);
    results.consentLog = await measureConsentLog({ root, work, ...CONSENT_LOG_LOAD });
  }

  const command = ['npm run bench', ...process.argv.slice(2)].join(' ');
  const report = [
    '# Benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\` on:`,
    '',
    ...(await machine()).map((line) => `- ${line}`),
    '',
    'The benchmark reports; it does not fail. The byte budgets that may fail are tests (`tests/e2e/site/budgets.spec.ts`).',
    '',
  ];
  if (results.weight || results.returning || results.lighthouse) {
    report.push(
      '## The pages measured',
      '',
      `A production build of the published versions plus the test fixtures' later ones, built for ${PAGES_DAY} so that`,
      'the history has entries and a changes page exists, with no statistics or marketing tool configured. It is',
      'served by `scripts/bench/static-server.mjs`, which behaves like the hosts the site is deployed to: gzip,',
      'ETags, and the headers of the build’s own `_headers` (fingerprinted files under `/_astro/` cached for a year).',
      '',
    );
  }
  if (results.weight) {
    report.push(
      '## Page weight',
      '',
      'Requests that went to the network (304: revalidated, no body sent), and the gzipped bytes of the bodies',
      'in KiB. First visit: empty cache, no cookies, the banner shown. Repeat visit: the same page again after',
      '**Acceptera alla**, consent stored. Requests the browser served from its cache without asking are not',
      'counted; the favicon is counted among the requests, not in the bytes.',
      '',
      weightTable(results.weight),
      '',
    );
  }
  if (results.returning) {
    report.push(
      '## Returning visitors',
      '',
      'A visitor who accepted everything comes back. Scripts run: every script the page executes, whether from the',
      'network or the cache, gzipped at level 9 as the budget test counts them (`tests/e2e/site/budgets.spec.ts`);',
      "of it consent: the consent's own script, without a page's own feature such as the contact page's request form.",
      `Click to preferences: from the click on **Cookieinställningar** in the footer to the first frame in which`,
      `the preferences are visible, median of ${OPEN_SAMPLES}, each in a fresh browser context with an empty cache so that the`,
      'banner is fetched for real. After hover: the pointer rested on the link (which prefetches the banner) until the',
      'network was idle. No hover: a click straight away, as a tap or a keyboard user might (focus prefetches too, so',
      'this is the worst case).',
      '',
      returningTable(results.returning),
      '',
    );
  }
  if (results.lighthouse) {
    report.push(
      '## Lighthouse',
      '',
      `Mobile (Lighthouse's default: a mid-range phone on slow 4G, simulated throttling), median of ${runs} runs per`,
      'page for each figure.',
      '',
      lighthouseTable(results.lighthouse),
      '',
    );
    const failing = results.lighthouse.filter((result) => result.failing.length > 0);
    if (failing.length > 0) {
      report.push(
        'Audits that scored below 90 in at least one run:',
        '',
        ...failing.map((result) => `- ${result.name}: ${result.failing.join(', ')}`),
        '',
      );
    }
  }
  if (results.scale) {
    report.push(
      '## Scale',
      '',
      'Generated content (`scripts/bench/generate-versions.mjs`): N versions of each of the two policies, one a day,',
      'each a small edit of the one before (a sentence added or removed, a word changed, now and then a new',
      'paragraph), so every changes page has real work to do. Each build is cold (empty cache). Build time is the',
      'wall-clock time of `astro build`; peak memory is the largest resident set of its processes.',
      '',
      scaleTable(results.scale),
      '',
    );
  }
  if (results.scan) {
    report.push(
      '## Cookie scan',
      '',
      '`npm run scan` of the local production build (the published content, with Matomo, Tag Manager and the',
      'consent log pointed at the local stand-ins), served by `scripts/bench/static-server.mjs`: every page of the',
      'sitemap in every consent state (no choice, Avvisa alla, each optional category alone, Acceptera alla, each',
      'category withdrawn), each state in a fresh browser context, four at a time. Pages read counts the extra read',
      'right after each withdrawal. Scan time is from reading the declaration to the last finding; building the site',
      'is not included.',
      '',
      scanTable(results.scan),
      '',
    );
  }
  if (results.consentLog) {
    const { beacons, clients, loadAverage, stored, chainIntact } = results.consentLog;
    report.push(
      '## Consent log',
      '',
      `${beacons} beacons like the site’s (form-encoded, from the site’s origin) from ${clients} concurrent clients over`,
      'keep-alive connections, on the same machine, against `services/consent-log` started fresh with a temporary',
      'database. Every answer waits for its record’s commit (WAL, `synchronous=FULL`); beacons that arrive together',
      'share one commit. Latency is per request, as the client sees it. The baseline is the same load against a bare',
      'Node server that only answers 204: what the client and the machine cost without the log.',
      '',
      consentLogTable(results.consentLog),
      '',
      `Stored afterwards: ${stored} of ${beacons}, chain ${chainIntact ? 'intact' : '**broken**'} (\`npm run consent-log -- verify\`).`,
      `Load average when it started: ${loadAverage.toFixed(1)}.`,
      '',
    );
  }
  report.push('## Targets', '', targets(results) || '- None measured in this run.', '');
  const text = report.join('\n');
  const file = fullRun ? join(root, 'BENCHMARKS.md') : join(work, 'BENCHMARKS.md');
  writeFileSync(file, text);
  console.log(`\n${text}\nWritten to ${file}.`);
}

await main();
