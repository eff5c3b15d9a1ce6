import { gzipSync } from 'node:zlib';
import { expect, type Page, type Response } from '@playwright/test';
import { sitemapPaths } from '../support/helpers';
import { testOn } from '../support/site';

const test = testOn('published');

const KiB = 1024;

/** Every response a first visit to `path` loads, with its gzipped size (level 9, as a host would send it). */
async function firstVisit(page: Page, path: string) {
  const loaded: Promise<{ url: string; type: string; gzipped: number }>[] = [];
  const onResponse = (response: Response) => {
    if (response.status() !== 200) return;
    loaded.push(
      response.body().then((body) => ({
        url: response.url(),
        type: response.request().resourceType(),
        gzipped: gzipSync(body, { level: 9 }).length,
      })),
    );
  };
  page.on('response', onResponse);
  await page.goto(path, { waitUntil: 'networkidle' });
  // Stop listening before the test ends: a late response (the favicon) must not be read after it.
  page.off('response', onResponse);
  return Promise.all(loaded);
}

test('a first visit to the privacy policy weighs at most 30 KiB of HTML, CSS and JS gzipped, 12 KiB of it JS', async ({
  page,
}) => {
  const loaded = await firstVisit(page, '/integritetspolicy/');
  const weight = (types: string[]) =>
    loaded.filter((resource) => types.includes(resource.type)).reduce((sum, resource) => sum + resource.gzipped, 0);
  const total = weight(['document', 'stylesheet', 'script']);
  const js = weight(['script']);
  test.info().annotations.push({ type: 'weight', description: `total ${total} B, JS ${js} B gzipped` });
  expect(loaded.filter((resource) => resource.type === 'document')).toHaveLength(1);
  expect(total).toBeLessThanOrEqual(30 * KiB);
  expect(js).toBeLessThanOrEqual(12 * KiB);
});

test('no page ships a web font or an image it does not need', async ({ page, request }) => {
  const extras: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (['font', 'image', 'media'].includes(req.resourceType()) && url.pathname !== '/favicon.svg') {
      extras.push(`${req.resourceType()} ${req.url()}`);
    }
  });
  for (const path of await sitemapPaths(request)) await page.goto(path, { waitUntil: 'networkidle' });
  expect(extras).toEqual([]);
});

test('a repeat visit with consent stored runs at most 2 KiB of JS gzipped, and loads no banner or its styles', async ({
  browser,
  baseURL,
}) => {
  // Consent given on a first visit (all of it, so that the tools' start is counted too).
  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto('/integritetspolicy/');
  await page
    .getByRole('dialog', { name: 'Vi använder cookies' })
    .getByRole('button', { name: 'Acceptera alla' })
    .click();
  await expect.poll(async () => (await first.cookies()).some((cookie) => cookie.name === 'cc_cookie')).toBe(true);
  const cookies = await first.cookies();
  await first.close();

  // The same browser later: consent stored, and an empty cache, so every script it runs is counted.
  const repeat = await browser.newContext();
  await repeat.addCookies(cookies);
  const visit = await repeat.newPage();
  const own = (await firstVisit(visit, '/integritetspolicy/')).filter((resource) => resource.url.startsWith(baseURL!));
  const js = own.filter((resource) => resource.type === 'script').reduce((sum, resource) => sum + resource.gzipped, 0);
  test.info().annotations.push({ type: 'weight', description: `repeat visit: JS ${js} B gzipped` });
  expect(js).toBeLessThanOrEqual(2 * KiB);
  expect(own.filter((resource) => /\/banner[-.]/.test(resource.url)).map((resource) => resource.url)).toEqual([]);
  expect(own.filter((resource) => resource.type === 'stylesheet')).toHaveLength(1);
  await expect(visit.getByRole('dialog', { name: 'Vi använder cookies' })).toHaveCount(0);
  await repeat.close();
});
