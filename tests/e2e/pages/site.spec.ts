import { expect } from '@playwright/test';
import { sitemapPaths } from '../support/helpers';
import { testOn } from '../support/site';

// Site-wide: the sitemap, robots.txt, the 404 page and narrow screens, on a site with
// upcoming, corrected and later versions, so that every kind of page is there.
const test = testOn('upcoming-version');

test('every page is in the sitemap, in Swedish, with a canonical address, a description and the feed advertised', async ({
  page,
  request,
}) => {
  const paths = await sitemapPaths(request);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/',
      '/integritetspolicy/',
      '/cookiepolicy/',
      '/integritetspolicy/versioner/',
      '/integritetspolicy/versioner/2026-11-24/',
      '/integritetspolicy/versioner/2027-06-01/andringar/',
      '/andringar/',
      '/kontakt/',
    ]),
  );
  expect(paths.some((path) => path.includes('2027-02-01'))).toBe(false);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `https://techtroopers.com${path}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S{10,}/);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      '/andringar.xml',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  }
});

test('robots.txt names the sitemap', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap: https://techtroopers.com/sitemap-index.xml');
  expect((await request.get('/sitemap-index.xml')).status()).toBe(200);
});

test('an unknown address gets the Swedish 404 page', async ({ page }) => {
  const response = await page.goto('/integritetspolicy/versioner/1999-01-01/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
  await expect(page.getByRole('main').getByRole('link', { name: 'Till startsidan' })).toHaveAttribute('href', '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('no page scrolls sideways on a 375 px wide phone', async ({ page, request }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of await sitemapPaths(request)) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBe(0);
  }
});

test('the 404 page is kept out of search engines and claims no address', async ({ page }) => {
  await page.goto('/finns-inte/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
});
