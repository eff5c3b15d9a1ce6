// `npm run scan`: the cookie and storage scan, against this site's build (no
// errors allowed) and against faulty copies of it (each fault by its name).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import { startFaultySite, type ScanResult } from '../../harness/faultySite';
import { CONSENT_LOG, PORTS, STANDINS } from '../../harness/ports';
import { banner, cookieNames } from '../support/consent';
import { watchForViolations } from '../support/csp';
import { sitemapPaths } from '../support/helpers';
import { testOn } from '../support/site';

const root = resolve(import.meta.dirname, '../../..');

// The published site's build, and faulty copies of it.
const test = testOn('published');

/** Runs the scanner's command line as `npm run scan -- …` does. */
function runScan(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [resolve(root, 'tools/cookie-scan/cli.ts'), ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
}

const readResult = (file: string): ScanResult => JSON.parse(readFileSync(file, 'utf8'));

test('the scan of this site finds no errors, on every page in every consent state', async ({ request, site }) => {
  // Every page in seven states, beside the other tests: a minute on a quiet two-core machine, far more on a busy one.
  test.setTimeout(600_000);
  const json = test.info().outputPath('scan.json');
  const report = test.info().outputPath('scan.html');
  const { code, stdout, stderr } = await runScan([site.url, '--json', json, '--report', report]);
  expect(code, `${stdout}\n${stderr}`).toBe(0);
  expect(stdout).toContain('0 errors');

  const result = readResult(json);
  expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  const pages = await sitemapPaths(request);
  expect(result.pages).toEqual(pages);
  expect(result.states.map((state) => state.id)).toEqual([
    'none',
    'refused',
    'only-statistics',
    'only-marketing',
    'all',
    'withdrawn-statistics',
    'withdrawn-marketing',
  ]);
  for (const state of result.states) {
    expect(new Set(state.snapshots.map((snapshot) => snapshot.page)), state.id).toEqual(new Set(pages));
  }
  // The tools ran where the visitor agreed, so the scan saw what they store. Tag Manager
  // sets no cookie: cookie policy version 1 grants Google no Consent Mode signal.
  const all = result.states.find((state) => state.id === 'all')!;
  const names = new Set(all.snapshots.flatMap((snapshot) => snapshot.items.map((item) => item.name)));
  expect([...names].sort()).toEqual(['_pk_id.1.1f2e', '_pk_ref.1.1f2e', '_pk_ses.1.1f2e', 'cc_cookie']);
  expect(all.snapshots.some((snapshot) => snapshot.requests.some(({ url }) => url.includes('/gtm.js')))).toBe(true);
  // Nothing at all before a choice.
  const none = result.states.find((state) => state.id === 'none')!;
  expect(none.snapshots.flatMap((snapshot) => [...snapshot.items, ...snapshot.requests])).toEqual([]);

  const html = readFileSync(report, 'utf8');
  expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
  expect(html).toContain('Godkänd: inga fel');
  expect(html).not.toMatch(/<(link|script|img)\b/);
});

const FAULTS = [
  { fault: 'undeclared-cookie', finding: 'undeclared', name: '_pk_cvar.1.1f2e', state: 'only-statistics' },
  { fault: 'cookie-before-consent', finding: 'before-consent', name: '_pk_id.1.1f2e', state: 'none' },
  { fault: 'long-lived-cookie', finding: 'lifetime-exceeds-declaration', name: '_pk_ses.1.1f2e', state: 'all' },
  { fault: 'undeclared-local-storage', finding: 'undeclared', name: 'tt_senaste_besok', state: 'none' },
  {
    fault: 'survives-withdrawal',
    finding: 'survives-withdrawal',
    name: '_pk_id.1.9a9a',
    state: 'withdrawn-statistics',
  },
] as const;

for (const [index, { fault, finding, name, state }] of FAULTS.entries()) {
  test(`a faulty site (${fault}) fails with ${finding}`, async ({ site: { dist } }) => {
    test.setTimeout(300_000);
    const site = await startFaultySite({
      dist,
      standins: STANDINS,
      consentLog: CONSENT_LOG,
      port: PORTS.faults + index * 2,
      fault,
    });
    try {
      const json = test.info().outputPath('scan.json');
      // Only the state the fault shows in: the scan of every state is proven on the sound site above.
      const { code, stdout, stderr } = await runScan([site.origin, '--json', json, '--states', state]);
      expect(code, `${stdout}\n${stderr}`).toBe(1);
      expect(stdout).toContain(`ERROR   ${finding}:`);
      expect(stdout).toContain('1 page in 1 of 7 states (chosen with --states)');
      const result = readResult(json);
      expect(result.states.map(({ id }) => id)).toEqual([state]);
      const found = result.findings.filter((candidate) => candidate.item?.name === name);
      expect(found).toContainEqual(
        expect.objectContaining({ name: finding, severity: 'error', states: expect.arrayContaining([state]) }),
      );
    } finally {
      await site.close();
    }
  });
}

test('the faulty sites keep a content security policy that names their stand-ins and blocks nothing', async ({
  page,
  context,
  site: { dist },
}) => {
  for (const [index, fault] of (['cookie-before-consent', 'undeclared-local-storage'] as const).entries()) {
    const site = await startFaultySite({
      dist,
      standins: STANDINS,
      consentLog: CONSENT_LOG,
      port: PORTS.faults + 10 + index * 2,
      fault,
    });
    try {
      const check = await watchForViolations(page);
      await page.goto(`${site.origin}/`);
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy).toContain(`script-src 'self' ${site.standins} 'sha256-`);
      expect(policy).not.toContain(STANDINS);
      expect(policy).not.toContain(CONSENT_LOG);
      await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
      await expect.poll(() => cookieNames(context)).toContain('_pk_ses.1.1f2e');
      if (fault === 'undeclared-local-storage') {
        expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['tt_senaste_besok']);
      }
      await check();
      await context.clearCookies();
    } finally {
      await site.close();
    }
  }
});

const BAD_INPUT = [
  {
    what: 'an unreachable URL',
    fault: undefined,
    message: /^scan: Could not reach http:\/\/127\.0\.0\.1:\d+\/.*: the connection was refused/,
  },
  {
    what: 'a site without a sitemap',
    fault: 'no-sitemap',
    message: /^scan: No sitemap at http:\/\/localhost:\d+\/sitemap-index\.xml or /,
  },
  {
    what: 'a site without the machine-readable declaration',
    fault: 'no-declaration',
    message:
      /^scan: http:\/\/localhost:\d+\/cookiepolicy\/deklaration\.json answered 404: the site publishes no machine-readable cookie declaration/,
  },
  {
    what: 'a declaration that is not valid',
    fault: 'invalid-declaration',
    message:
      /^scan: http:\/\/localhost:\d+\/cookiepolicy\/deklaration\.json is not a valid declaration:\n {2}- policy: .+\n {2}- entries\.1\.category: "category" must be one of necessary, statistics, marketing, got "reklam"/,
  },
] as const;

for (const [index, { what, fault, message }] of BAD_INPUT.entries()) {
  test(`bad input, ${what}: a clear message and exit 2, no stack trace`, async ({ site: { dist } }) => {
    const port = PORTS.faults + 14 + index * 2;
    const site = fault
      ? await startFaultySite({ dist, standins: STANDINS, consentLog: CONSENT_LOG, port, fault })
      : undefined;
    try {
      const { code, stdout, stderr } = await runScan([site?.origin ?? `http://127.0.0.1:${port}`]);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stdout).toBe('');
    } finally {
      await site?.close();
    }
  });
}

test('bad input, a consent state the site does not have: a clear message and exit 2', async ({ site }) => {
  const { code, stdout, stderr } = await runScan([site.url, '--states', 'none,only-advertising']);
  expect(code).toBe(2);
  expect(stderr).toContain(
    'scan: No consent state "only-advertising" for this site: its states are none, refused, only-statistics, only-marketing, all, withdrawn-statistics, withdrawn-marketing.\n',
  );
  expect(stdout).toBe('');
  const empty = await runScan([site.url, '--states', 'none,']);
  expect(empty.code).toBe(2);
  expect(empty.stderr).toBe('scan: --states takes state names separated by commas, got "none,".\n');
});

test('bad input, no URL but nonsense: a clear message and exit 2', async () => {
  const { code, stderr } = await runScan(['techtroopers', '--json']);
  expect(code).toBe(2);
  expect(stderr).toMatch(/^scan: Option '--json <value>' argument missing/);
  const { code: second, stderr: notUrl } = await runScan(['techtroopers']);
  expect(second).toBe(2);
  expect(notUrl).toBe(
    'scan: "techtroopers" is not a URL: give the site\'s address, such as https://techtroopers.com.\n',
  );
});
