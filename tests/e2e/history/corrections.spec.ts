import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { testOn } from '../support/site';

const test = testOn('upcoming-version');

// The fixture's version 1.1 of the cookie policy (2027-02-15) was corrected on 20 February
// 2027, recorded with npm run policy:correct in tests/fixtures/policies/published.json.

const CORRECTION = 'Rättad den 20 februari 2027: Ordet cookie skrivs med liten bokstav.';
const fixtureFile = new URL('../../fixtures/policies/cookiepolicy/2027-02-15.mdx', import.meta.url);

test('a corrected version shows its correction, its SHA-256 and its text as published', async ({ page, request }) => {
  await page.goto('/cookiepolicy/versioner/2027-02-15/');
  await expect(page.getByRole('note', { name: 'Rättelser' })).toHaveText(
    `Den här versionen har rättats efter publiceringen.${CORRECTION}`,
  );
  const source = page.getByRole('region', { name: 'Versionens källtext' });
  const hash = (await source.getByTestId('sha256').textContent())!;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expect(source).toContainText('efter den senaste rättelsen');
  const link = source.getByRole('link', { name: 'Markdown-fil' });
  await expect(link).toHaveAttribute('href', '/cookiepolicy/versioner/2027-02-15.md');

  const response = await request.get('/cookiepolicy/versioner/2027-02-15.md');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/markdown/);
  const text = await response.text();
  // Exactly the file the editor wrote, and the hash is of exactly that.
  expect(text).toBe(readFileSync(fixtureFile, 'utf8'));
  expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
  expect(text).toContain('En cookie kan inte starta program.');
});

test('a version never corrected has its hash and source, and no correction', async ({ page, request }) => {
  await page.goto('/integritetspolicy/versioner/2026-11-24/');
  await expect(page.getByRole('note', { name: 'Rättelser' })).toHaveCount(0);
  const hash = (await page.getByTestId('sha256').textContent())!;
  const text = await (await request.get('/integritetspolicy/versioner/2026-11-24.md')).text();
  expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
  expect(text).toMatch(/^---\npolicy: integritetspolicy\neffective: 2026-11-24\n/);
});

test('the changes page of a corrected version says it was corrected after publication', async ({ page }) => {
  await page.goto('/cookiepolicy/versioner/2027-02-15/andringar/');
  await expect(page.getByRole('note', { name: 'Rättelser' })).toContainText(
    'Version 1.1 har rättats efter publiceringen. Jämförelsen gäller texten efter rättelserna.',
  );
  await expect(page.getByRole('note', { name: 'Rättelser' })).toContainText(CORRECTION);
});

test('the history and the feed carry the correction', async ({ page, request }) => {
  await page.goto('/cookiepolicy/versioner/');
  await expect(page.locator('[data-version="2027-02-15"]')).toContainText(CORRECTION);

  const xml = await (await request.get('/andringar.xml')).text();
  const item = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)]
    .map((match) => match[1]!)
    .find((candidate) => candidate.includes('rättad'))!;
  expect(item).toContain('<title>Cookiepolicy, version 1.1 rättad (20 februari 2027)</title>');
  expect(item).toContain('<link>https://techtroopers.com/cookiepolicy/versioner/2027-02-15/</link>');
  expect(item).toContain(
    '<guid isPermaLink="false">https://techtroopers.com/cookiepolicy/versioner/2027-02-15/#rattelse-1</guid>',
  );
  expect(item).toContain(`<description>${CORRECTION}</description>`);
  expect(item).toContain('<pubDate>Sat, 20 Feb 2027 00:00:00 GMT</pubDate>');
  expect(item).toContain('<category>Rättelse</category>');
});
