/**
 * The web editor end to end, as an editor uses it: `npm run edit` (the dev
 * server and decap-server) on a copy of the content as it will be once version
 * 2 is published, a new version of the privacy policy made in /admin/, found on
 * disk, recorded as the CI step records it, and built.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { writePublishedDrafts } from '../../harness/contentSets.ts';
import { projectCopy } from '../../harness/astroBuild.ts';
import { changedVersionMessage, parseRecord } from '#lib/publication/record.ts';
import { splitFrontmatter } from '#lib/frontmatter.ts';
import { origin, PORTS } from '../../harness/ports';

const root = resolve(import.meta.dirname, '../../..');
const NEW_DATE = '2027-01-15';
const OLD = 'Vi vill att du ska känna dig trygg när du använder Tech Troopers tjänster.';
const NEW = 'Vi vill att du ska känna dig trygg varje gång du använder Tech Troopers tjänster.';
const SUMMARY = 'Inledningen säger tydligare vad vi lovar.';
const CHANGE = 'Första meningen i inledningen är omskriven.';

let repository: string;
let policies: string;
let edit: ChildProcess;

// `npm run edit`'s own dev server, which this file starts: not one of the harness's sites.
test.use({ baseURL: origin(PORTS.cms) });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  repository = mkdtempSync(join(tmpdir(), 'techtroopers-cms-'));
  policies = writePublishedDrafts(join(repository, 'src/content/policies'));
  edit = spawn(process.execPath, [join(root, 'tools/policy/edit.ts'), '--port', String(PORTS.cms)], {
    cwd: root,
    env: {
      ...process.env,
      POLICIES_DIR: policies,
      DECAP_SERVER_PORT: String(PORTS.cmsBackend),
      // The day version 2 takes effect: it is the version in force that the new one starts from.
      SITE_TODAY: '2027-01-01',
      ASTRO_CACHE_DIR: join(repository, 'astro-cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, fail) => {
    edit.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes(`The web editor: http://localhost:${PORTS.cms}/admin/`)) ready();
    });
    edit.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    edit.once('exit', (code) => fail(new Error(`npm run edit stopped (exit ${code}):\n${output}`)));
  });
});

test.afterAll(async () => {
  if (edit && edit.exitCode === null) {
    const stopped = new Promise((done) => edit.once('exit', done));
    edit.kill('SIGTERM');
    await stopped;
  }
  // Stopping `npm run edit` stops both of its servers.
  for (const url of [`http://localhost:${PORTS.cms}/`, `http://127.0.0.1:${PORTS.cmsBackend}/api/v1`]) {
    await expect(fetch(url)).rejects.toThrow();
  }
  rmSync(repository, { recursive: true, force: true });
});

/** Moves the editor to `hash` (Decap's router) without reloading its 5 MB script. */
async function goTo(page: Page, hash: string) {
  // Through another view first: the same hash again would not open a fresh form.
  for (const step of ['#/collections/cookiepolicy', hash]) {
    await page.evaluate((target) => (location.hash = target), step);
  }
}

async function publishNow(page: Page) {
  await page.getByRole('button', { name: 'Publicera', exact: true }).click();
  await page.getByText('Publicera nu', { exact: true }).click();
}

/** Replaces `old` in the body's text editor with `text`, as a person selecting it and typing over it. */
async function typeOver(page: Page, old: string, text: string) {
  const editor = page.locator('[data-slate-editor="true"]');
  await editor.getByText(old).first().click();
  await editor.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`The text is not in the editor: ${wanted}`);
  }, old);
  await page.keyboard.type(text);
  await expect(editor).toContainText(text);
}

const policyFiles = () => readdirSync(join(policies, 'integritetspolicy')).sort();

test('an editor starts a new version in /admin/, saves it, and the build publishes it', async ({ page }) => {
  test.setTimeout(360_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('CSP violation')) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  // "Leave the page with unsaved changes?" between the steps: yes.
  page.on('dialog', (dialog) => dialog.accept());
  const filesBefore = policyFiles();
  const inForce = readFileSync(join(policies, 'integritetspolicy/2027-01-01.mdx'), 'utf8');

  await test.step('open the editor and log in to the local backend', async () => {
    // Decap's script is 5 MB: parsing it takes a while on a busy machine.
    await page.goto('/admin/', { timeout: 120_000 });
    await expect(page).toHaveTitle('Redigera policyerna – Tech Troopers');
    await page.getByRole('button', { name: 'Logga in' }).click({ timeout: 120_000 });
    await page.waitForURL(/#\/collections\//);
  });

  await test.step('a date that is not a date is refused, in Swedish, and nothing is saved', async () => {
    await page.getByRole('link', { name: 'Skapa ett inlägg av typen version av integritetspolicyn' }).click();
    const date = page.getByLabel('Gäller från');
    await date.fill('15/01/2027');
    await page.getByLabel('Sammanfattning').fill(SUMMARY);
    await publishNow(page);
    await expect(
      page.getByText('Gäller från matchar inte mönstret: Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-15.'),
    ).toBeVisible();
    await date.clear();
    await date.fill('2027-02-30');
    await expect(date).toHaveValue('2027-02-30');
    await publishNow(page);
    await expect(
      page
        .getByText('"Gäller från" måste vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD, till exempel 2027-01-15.')
        .first(),
    ).toBeVisible();
    expect(policyFiles()).toEqual(filesBefore);
  });

  await test.step('start a new version from the one in force, with a date, a summary and a changed sentence', async () => {
    await goTo(page, '#/collections/integritetspolicy/new');
    await page.getByLabel('Gäller från').fill(NEW_DATE);
    // Prefilled from the version in force, as npm run policy:new does.
    await expect(page.getByLabel('Versionsbeteckning')).toHaveValue('3');
    await page.getByLabel('Sammanfattning').fill(SUMMARY);
    await page.getByRole('button', { name: /Add ändring/ }).click();
    await page.getByLabel('Ändring', { exact: true }).fill(CHANGE);
    // A new version starts as work in progress; this one is ready.
    await page.getByLabel('Under arbete (publiceras inte)').click();
    await typeOver(page, OLD, NEW);
    // The preview pane shows it in the site's own stylesheet.
    const preview = page.locator('iframe').first().contentFrame();
    await expect(preview.locator('article')).toContainText(NEW);
    await expect(preview.locator('link[rel="stylesheet"][href*="global"]')).toHaveCount(1);
    await publishNow(page);
    await expect(page.getByText('Inlägg sparat').first()).toBeVisible();
    await page.waitForURL(new RegExp(`entries/${NEW_DATE}$`));
  });

  await test.step('the version is on disk, with its frontmatter and the changed sentence', () => {
    expect(policyFiles()).toEqual([...filesBefore, `${NEW_DATE}.mdx`].sort());
    const text = readFileSync(join(policies, `integritetspolicy/${NEW_DATE}.mdx`), 'utf8');
    const { frontmatter, body } = splitFrontmatter(text)!;
    const previous = splitFrontmatter(inForce)!;
    const data = parseYaml(frontmatter) as Record<string, unknown>;
    const { processing, letterAddress, ...rest } = data;
    expect(rest).toEqual({
      policy: 'integritetspolicy',
      effective: NEW_DATE,
      version: '3',
      summary: SUMMARY,
      changes: [CHANGE],
      material: false,
      draft: false,
    });
    // The letter's address is carried over.
    const carriedAddress = (parseYaml(previous.frontmatter) as { letterAddress?: string[] }).letterAddress;
    expect(carriedAddress).toBeDefined();
    expect(letterAddress).toEqual(carriedAddress);
    // The register is carried over (a single tool is now written as a list of one, which means the same).
    const carried = (parseYaml(previous.frontmatter) as { processing: { tool?: string | string[] }[] }).processing;
    expect(processing).toEqual(
      carried.map((entry) => (typeof entry.tool === 'string' ? { ...entry, tool: [entry.tool] } : entry)),
    );
    // Written as a person writes it: the keys in order, the date as written, the label quoted.
    expect(frontmatter).toMatch(
      /^policy: integritetspolicy\neffective: 2027-01-15\nversion: "3"\nsummary: .+\nchanges:\n {2}- .+\nmaterial: false\ndraft: false\n(?:processing|letterAddress):\n/,
    );
    // And the text is the previous version's, byte for byte, but for the sentence.
    expect(body).toBe(previous.body.replace(OLD, NEW));
  });

  await test.step('a published version cannot be saved with changes', async () => {
    const file = join(policies, 'integritetspolicy/2026-11-24.mdx');
    const before = readFileSync(file, 'utf8');
    await goTo(page, '#/collections/integritetspolicy/entries/2026-11-24');
    await expect(page.getByRole('note')).toHaveText(/Den här versionen är publicerad/);
    const summary = page.getByLabel('Sammanfattning');
    await summary.clear();
    await summary.fill('Ändrad i efterhand.');
    await publishNow(page);
    const record = parseRecord(readFileSync(join(policies, 'published.json'), 'utf8'), 'published.json');
    const entry = record.versions.find((version) => version.file === 'integritetspolicy/2026-11-24.mdx')!;
    const refusal = page.getByText(/^Kunde inte spara inlägg: Error: Versionen är publicerad/).first();
    await expect(refusal).toBeVisible();
    // The message the build gives for a changed published version, and the way to a correction.
    const path = 'src/content/policies/integritetspolicy/2026-11-24.mdx';
    await expect(refusal).toContainText(changedVersionMessage(path, entry));
    await expect(refusal).toContainText('npm run policy:correct');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  await test.step('the dev server shows the sentence on the version’s changes page', async () => {
    const changes = await page.context().newPage();
    await changes.goto(`/integritetspolicy/versioner/${NEW_DATE}/andringar/`, { timeout: 60_000 });
    await expect(changes.locator('main')).toContainText('varje gång');
    await changes.close();
  });

  await test.step('the CI step records it, the build accepts it, and its changes page shows the sentence', () => {
    const node = (script: string) =>
      spawnSync(process.execPath, [join(root, script)], {
        cwd: root,
        env: { ...process.env, POLICIES_DIR: policies },
        encoding: 'utf8',
      });
    // policy:publish refuses a version with findings or placeholders; once it is recorded, policy:check passes.
    const publish = node('tools/policy/publish.ts');
    expect(publish.status, publish.stderr).toBe(0);
    expect(publish.stdout).toContain(`Recorded integritetspolicy version "3", in force from ${NEW_DATE}`);
    const check = node('tools/policy/check.ts');
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const dist = join(repository, 'dist');
    // In a copy of the project: the dev server above reads the real project's .astro/.
    const build = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: projectCopy(() => {}, join(repository, 'project')),
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        POLICIES_DIR: policies,
        SITE_TODAY: NEW_DATE,
        ASTRO_OUT_DIR: dist,
        ASTRO_CACHE_DIR: join(repository, 'build-cache'),
      },
      encoding: 'utf8',
    });
    expect(build.status, build.stdout.slice(-3000) + build.stderr).toBe(0);
    const page = join(dist, `integritetspolicy/versioner/${NEW_DATE}/andringar/index.html`);
    expect(existsSync(page)).toBe(true);
    const html = parse(readFileSync(page, 'utf8'));
    expect(html.querySelector('main')!.textContent).toContain('varje gång');
    expect(html.querySelectorAll('main ins').map((ins) => ins.textContent)).toContainEqual(
      expect.stringContaining('varje gång'),
    );
  });

  expect(violations).toEqual([]);
});
