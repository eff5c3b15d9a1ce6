import { expect } from '@playwright/test';
import { testOn } from '../support/site';

const test = testOn('upcoming-version');

test('the changelog lists both policies’ versions newest first', async ({ page }) => {
  await page.goto('/andringar/');
  const entries = page.getByRole('list', { name: 'Versioner av båda policyerna, nyaste först' }).getByRole('article');
  await expect(entries.getByRole('heading')).toHaveText([
    'Cookiepolicy, version 2',
    'Integritetspolicy, version 3',
    'Cookiepolicy, version 1.1',
    'Integritetspolicy, version 2',
    'Integritetspolicy, version 1',
    'Cookiepolicy, version 1',
  ]);
  await expect(entries.locator('[data-status]')).toHaveText([
    'Kommande',
    'Kommande',
    'Gällande',
    'Gällande',
    'Tidigare',
    'Tidigare',
  ]);
  await expect(entries.nth(2)).toContainText('Stavningen av företagsnamnet rättas.');
});

test('the feed has one item per published version, each linking to its changes, and one per correction', async ({
  request,
}) => {
  const response = await request.get('/andringar.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  expect(xml).toContain('<rss');
  expect(xml).toContain('<language>sv-se</language>');
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1]!);
  expect(items).toHaveLength(7);
  const links = items.map((item) => /<link>([^<]+)<\/link>/.exec(item)?.[1]);
  expect(links).toEqual([
    'https://techtroopers.com/cookiepolicy/versioner/2027-06-15/andringar/',
    'https://techtroopers.com/integritetspolicy/versioner/2027-06-01/andringar/',
    // Version 1.1 was corrected on 20 February: the item links to the corrected version.
    'https://techtroopers.com/cookiepolicy/versioner/2027-02-15/',
    'https://techtroopers.com/cookiepolicy/versioner/2027-02-15/andringar/',
    'https://techtroopers.com/integritetspolicy/versioner/2027-01-15/andringar/',
    // A first version has no changes page; its item links to the version itself.
    'https://techtroopers.com/integritetspolicy/versioner/2026-11-24/',
    'https://techtroopers.com/cookiepolicy/versioner/2026-11-24/',
  ]);
  expect(items[1]).toContain('Integritetspolicy, version 3 (gäller från 1 juni 2027)');
  expect(items[1]).toContain('<pubDate>Tue, 01 Jun 2027 00:00:00 GMT</pubDate>');
  expect(xml).not.toContain('2027-02-01');
});
