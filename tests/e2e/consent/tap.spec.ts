import { devices, expect, type Page } from '@playwright/test';
import { banner, preferences } from '../support/consent';
import { testOn } from '../support/site';

const test = testOn('published');

// A phone: touch, no mouse, so nothing hovers over the footer link before it is tapped.
const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7'];
test.use(pixel);

const BANNER_MODULE = /\/_astro\/banner-.*\.js$/;
const TEXTS = /\/samtycke\/texter\/[0-9a-f]{16}\.json$/;

/** A returning visitor on the cookie policy: consent given, so the page has not loaded the banner. */
async function returningVisitor(page: Page, fetched: string[]): Promise<void> {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).tap();
  await expect(banner(page)).toBeHidden();
  page.on('request', (request) => {
    if (BANNER_MODULE.test(request.url()) || TEXTS.test(request.url())) fetched.push(new URL(request.url()).pathname);
  });
  await page.goto('/cookiepolicy/');
  await expect(page.getByRole('contentinfo')).toBeVisible();
}

const footerLink = (page: Page) => page.getByRole('contentinfo').getByRole('link', { name: 'Cookieinställningar' });

test('a tap alone on Cookieinställningar opens the preferences', async ({ page }) => {
  const fetched: string[] = [];
  await returningVisitor(page, fetched);
  expect(fetched).toEqual([]);
  await footerLink(page).tap();
  await expect(preferences(page)).toBeVisible();
  await expect(preferences(page).getByRole('button', { name: 'Spara mina val' })).toBeVisible();
  // The banner's module and both layers' texts, each once.
  expect(fetched.filter((path) => TEXTS.test(path))).toHaveLength(2);
  expect(fetched.filter((path) => BANNER_MODULE.test(path))).toHaveLength(1);
});

for (const type of ['touchstart', 'pointerdown']) {
  test(`the first ${type} of a tap starts fetching the banner and its texts, before any click`, async ({ page }) => {
    const fetched: string[] = [];
    await returningVisitor(page, fetched);
    const module = page.waitForRequest(BANNER_MODULE);
    const texts = page.waitForRequest(TEXTS);
    await footerLink(page).dispatchEvent(type);
    await module;
    await texts;
    // Prepared, not shown: only the click opens the preferences.
    await expect.poll(() => fetched.filter((path) => TEXTS.test(path)).length).toBe(2);
    await expect(preferences(page)).toBeHidden();
    await footerLink(page).tap();
    await expect(preferences(page)).toBeVisible();
  });
}
