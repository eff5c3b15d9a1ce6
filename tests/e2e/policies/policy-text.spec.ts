import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { COMPANY_LETTER_ADDRESS } from '#lib/requests/context.ts';
import { site } from '#site/site.config.ts';
import { squash } from '../support/helpers';
import { testOn } from '../support/site';

const test = testOn('published');

/** The company's text as it was handed to us: it must be published unchanged. */
const companyText = readFileSync(new URL('../../fixtures/policy-sv.txt', import.meta.url), 'utf8');

/** Every sentence and heading of the company text, split where a reader would stop. */
const sentences = companyText
  .split(/\n\s*\n/)
  .flatMap((paragraph) => squash(paragraph).split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ"”])/))
  .filter((sentence) => sentence.length > 0);

async function readablePolicy(page: import('@playwright/test').Page, path: string): Promise<string> {
  await page.goto(path);
  return squash(await page.locator('article').innerText());
}

test('every sentence of the company text appears, unchanged, on the published policies', async ({ page }) => {
  expect(sentences.length).toBeGreaterThan(60);
  const published = `${await readablePolicy(page, '/integritetspolicy/')} ${await readablePolicy(page, '/cookiepolicy/')}`;
  const missing = sentences.filter((sentence) => !published.includes(sentence));
  expect(missing).toEqual([]);
});

test('the cookie part is the cookie policy and the rest the privacy policy', async ({ page }) => {
  const privacy = await readablePolicy(page, '/integritetspolicy/');
  const cookies = await readablePolicy(page, '/cookiepolicy/');
  expect(cookies).toContain('Information om cookies');
  expect(cookies).toContain(
    'Om du har övriga frågor kring cookies så kan du kontakta Tech Troopers på hello@techtroopers.com.',
  );
  expect(privacy).not.toContain('Information om cookies');
  expect(privacy).toContain('Din integritet är viktig för oss!');
  expect(cookies).not.toContain('Personuppgiftsbehandling');
  // The closing clause concerns both, so both carry it.
  for (const text of [privacy, cookies]) {
    expect(text).toContain('Tech Troopers äger rätt att göra ändringar i denna information löpande.');
  }
});

test('version 1 of both policies takes effect on launch day', async ({ page }) => {
  for (const path of ['/integritetspolicy/', '/cookiepolicy/']) {
    await page.goto(path);
    await expect(page.getByTestId('version-label')).toHaveText('1');
    await expect(page.locator('article header time')).toHaveAttribute('datetime', '2026-11-24');
    await expect(page.locator('article header time')).toHaveText('24 november 2026');
  }
});

test('requests go where the privacy policy in force says they go', async ({ page }) => {
  const privacy = await readablePolicy(page, '/integritetspolicy/');
  expect(privacy).toContain(site.privacyRequests.recipient);
  // Version 1 names no address for letters in its frontmatter: they go to the company's address, which it gives.
  const [company, ...street] = COMPANY_LETTER_ADDRESS;
  expect(privacy).toContain(`${company}, `);
  expect(privacy).toContain(street.join(', '));
});
