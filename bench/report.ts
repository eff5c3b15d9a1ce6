// BENCHMARKS.md: the machine it ran on, what each part measured and how, its
// table, and the targets.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { ACCEPT_SAMPLES, EVENT_THRESHOLD } from './acceptClick.ts';
import { OPEN_SAMPLES, PHONE } from './interaction.ts';
import { PAGES_SITES, type PagesSiteName } from './pagesSite.ts';
import type { Results, SiteResults } from './results.ts';
import { root } from './shared.ts';
import {
  acceptTable,
  consentLogTable,
  firstVisitTable,
  lighthouseTable,
  openTable,
  returningTable,
  scaleTable,
  scanTable,
  weightTable,
} from './tables.ts';
import { targets } from './targets.ts';

async function versionOf(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise((done) => child.on('exit', done));
  return Buffer.concat(chunks).toString().trim();
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** The machine, the runtimes and the browser, one line each. */
async function machine(browserPath: string): Promise<string[]> {
  const cpu = cpus();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Linux ${release()}`,
    `Node ${process.versions.node}, Astro ${packageVersion('astro')}, Lighthouse ${packageVersion('lighthouse')}`,
    (await versionOf(browserPath, ['--version'])).split('\n')[0] ?? '',
  ];
}

/**
 * The report of a run, in Markdown: a section for every part that ran, then the targets.
 * `command` is how the run was started; `runs` the Lighthouse runs per page.
 */
export async function composeReport(
  results: Results,
  { command, runs, browserPath, minutes }: { command: string; runs: number; browserPath: string; minutes: number },
): Promise<string> {
  const report = [
    '# Benchmarks',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\` (${minutes.toFixed(1)} minutes) on:`,
    '',
    ...(await machine(browserPath)).map((line) => `- ${line}`),
    `- load average ${loadavg()[0]?.toFixed(1)} when the run ended (${cpus().length} cores; figures under load are slower)`,
    '',
    'The benchmark reports; it does not fail. The byte budgets that may fail are tests (`tests/e2e/budgets/first-and-repeat-visit.spec.ts`).',
    '',
  ];
  const sites = Object.entries(results.sites ?? {}) as [PagesSiteName, SiteResults][];
  const each = <T>(pick: (site: SiteResults) => T | undefined): [PagesSiteName, T][] =>
    sites.flatMap(([name, site]) => {
      const value = pick(site);
      return value === undefined ? [] : [[name, value]];
    });
  if (sites.length > 0) {
    report.push(
      '## The pages measured',
      '',
      'Two production builds, with no statistics or marketing tool configured:',
      '',
      ...sites.map(([name]) => `- **${name}**: ${PAGES_SITES[name].about}; built for ${PAGES_SITES[name].day}.`),
      '',
      'Version 1 is the first version of each policy, so v1 has no changes page. Each build is served by',
      '`tools/static-host/staticHost.ts`, which behaves like the hosts the site is deployed to: gzip, ETags, and the',
      'headers of the build’s own `_headers` (fingerprinted files under `/_astro/` cached for a year).',
      '',
    );
  }
  const weights = each((site) => site.weight);
  if (weights.length > 0) {
    report.push(
      '## Page weight',
      '',
      'Requests that went to the network (304: revalidated, no body sent), and the gzipped bytes of the bodies',
      'in KiB. First visit: empty cache, no cookies, the banner shown. Repeat visit: the same page again after',
      '**Acceptera alla**, consent stored. Requests the browser served from its cache without asking are not',
      'counted; the favicon is counted among the requests, not in the bytes.',
      '',
    );
    const v1 = weights.find(([name]) => name === 'v1')?.[1];
    const v2 = weights.find(([name]) => name === 'v2')?.[1];
    if (v1 && v2) report.push('### First visit, v1 and v2', '', firstVisitTable(v1, v2), '');
    for (const [name, weight] of weights) report.push(`### ${name}`, '', weightTable(weight), '');
  }
  const returning = each((site) => site.returning);
  if (returning.length > 0) {
    report.push(
      '## Returning visitors',
      '',
      'A visitor who accepted everything comes back. Scripts run: every script the page executes, whether from the',
      'network or the cache, gzipped at level 9 as the budget test counts them (`tests/e2e/budgets/first-and-repeat-visit.spec.ts`);',
      "of it consent: the consent's own script, without a page's own feature such as the contact page's request form.",
      '',
    );
    for (const [name, pages] of returning) report.push(`### ${name}`, '', returningTable(pages), '');
    report.push(
      '### Opening the preferences',
      '',
      'From the visitor reaching **Cookieinställningar** in the footer to the first frame in which the preferences',
      `are visible (watched frame by frame from inside the page), median of ${OPEN_SAMPLES}, each in a fresh browser context`,
      'with an empty cache and consent stored, so that the banner is fetched for real once the page has loaded. Click',
      'after hover: the pointer rested on the link (which prefetches the banner) until the network was idle, then a',
      'click; timed from the click. Click, no hover: a click straight away (the pointer arrives with it, which',
      `prefetches too). Tap on a phone: Playwright's ${PHONE} (touch, mobile viewport), the link scrolled into view and`,
      'tapped at its centre; timed from the touch itself (the first of `touchstart` and `pointerdown`, in capturing',
      'listeners on the window, before any of the page’s own), so the figure includes the wait for the click that',
      'follows the touch. Timed on the start page and on the largest page, the changes page, where the build has',
      'one: the consent script is the same on every page.',
      '',
      openTable(returning.map(([name, pages]) => [name, { returning: pages }])),
      '',
    );
  }
  const accepts = each((site) => site.accept);
  if (accepts.length > 0) {
    report.push(
      '## Acceptera alla against the bare library',
      '',
      'How long the browser takes to answer the click on **Acceptera alla** on a first visit: our banner on the start',
      'page, against `vanilla-cookieconsent` alone on the same page (its own dist JS and CSS from `node_modules`, run',
      'with the configuration our page carries, so the same texts and categories, and none of our callbacks: no',
      `proof in the cookie, no beacon, no tools started). Median of ${ACCEPT_SAMPLES} each, taken in turn, each a fresh context, the`,
      'banner at rest before the click. Interaction: Event Timing as INP counts it, the longest `event` entry of the',
      `click's interaction (\`durationThreshold\` ${EVENT_THRESHOLD}, so nothing shorter is seen; durations in steps of 8 ms). Pointerdown to`,
      "next frame: the page's own clock, from the pointerdown to the first task after the next frame following the",
      "click's handlers. Ratio: ours over the bare library's (under 1: ours answers sooner).",
      '',
      acceptTable(accepts),
      '',
    );
  }
  const lighthouses = each((site) => site.lighthouse);
  if (lighthouses.length > 0) {
    report.push(
      '## Lighthouse',
      '',
      `Mobile (Lighthouse's default: a mid-range phone on slow 4G, simulated throttling), all four categories, median of`,
      `${runs} runs per page for each figure. TBT: total blocking time.`,
      '',
    );
    for (const [name, lighthouse] of lighthouses) {
      report.push(`### ${name}`, '', lighthouseTable(lighthouse), '');
      const failing = lighthouse.filter((result) => result.failing.length > 0);
      if (failing.length > 0) {
        report.push(
          'Audits that scored below 90 in at least one run:',
          '',
          ...failing.map((result) => `- ${result.name}: ${result.failing.join(', ')}`),
          '',
        );
      }
    }
  }
  if (results.scale) {
    report.push(
      '## Scale',
      '',
      'Generated content (`tests/harness/generateVersions.ts`): N versions of each of the two policies, one a day,',
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
      'consent log pointed at the local stand-ins), served by `tools/static-host/staticHost.ts`: every page of the',
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
    const { beacons, clients, loadAverage, stored, chainIntact, postgres = [] } = results.consentLog;
    const intact = (ok: boolean) => (ok ? 'intact' : '**broken**');
    report.push(
      '## Consent log',
      '',
      `${beacons} beacons like the site’s (form-encoded, from the site’s origin) from ${clients} concurrent clients over`,
      'keep-alive connections, on the same machine, against `services/consent-log` started fresh with a temporary',
      'database: on SQLite (the default), on PostgreSQL with one instance, and with two instances on one PostgreSQL',
      'database, the clients split between them. Every answer waits for its record’s commit (SQLite: WAL,',
      '`synchronous=FULL`; PostgreSQL: fsync and `synchronous_commit` on); beacons that arrive at an instance together',
      'share one commit, and on PostgreSQL the instances take turns at the lock on the chain’s head. Latency is per',
      'request, as the client sees it. The baseline is the same load against a bare Node server that only answers 204:',
      'what the client and the machine cost without the log. Alone: `npm run bench -- --only consent-log`.',
      '',
      consentLogTable(results.consentLog),
      '',
      `Stored afterwards (\`npm run consent-log -- verify\`): SQLite ${stored} of ${beacons}, chain ${intact(chainIntact)}` +
        postgres.map((run) => `; ${run.name} ${run.stored} of ${beacons}, chain ${intact(run.chainIntact)}`).join('') +
        '.',
      `Load average when it started: ${loadAverage.toFixed(1)}.`,
      '',
    );
  }
  if (results.failed) {
    report.push('## Parts that failed', '', ...results.failed.map((failure) => `- ${failure}`), '');
  }
  report.push('## Targets', '', targets(results) || '- None measured in this run.', '');
  return report.join('\n');
}
