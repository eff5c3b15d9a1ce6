import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/consent';
import { squash } from '../support/helpers';
import { testOn } from '../support/site';

const test = testOn('eighty-versions');

// The `paged` build: 80 generated versions of each policy, the last on 2026-11-24, so the
// changelog holds 160 entries (8 pages of 20) and each history 80 (4 pages).

const pagination = (page: Page, name: string) => page.getByRole('navigation', { name });

/** The names of the pagination's links, in order, as a screen reader lists them. */
async function linkNames(page: Page, name: string): Promise<string[]> {
  return (await pagination(page, name).getByRole('link').allInnerTexts()).map(squash);
}

/** The version headings on the page, in order. */
async function entries(page: Page): Promise<string[]> {
  return (await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).map(squash);
}

/**
 * Walks a paged list from its first page by Nästa, checking each page's number and address,
 * and returns every entry in the order read.
 */
async function walk(page: Page, first: string, name: string, pages: number, total: number): Promise<string[]> {
  const read: string[] = [];
  await page.goto(first);
  for (let number = 1; number <= pages; number++) {
    await expect(page).toHaveURL(number === 1 ? first : `${first}${number}/`);
    await expect(pagination(page, name)).toContainText(`Sida ${number} av ${pages}, ${total} versioner.`);
    await expect(pagination(page, name).getByRole('link', { name: `Sida ${number}`, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const onPage = await entries(page);
    expect(onPage.length).toBe(number < pages ? 20 : total - 20 * (pages - 1));
    read.push(...onPage);
    const next = pagination(page, name).getByRole('link', { name: 'Nästa' });
    if (number === pages) await expect(next).toHaveCount(0);
    else await next.click();
  }
  return read;
}

test('the changelog is paged by twenty, from the address it always had, with every version on exactly one page', async ({
  page,
  request,
}) => {
  await page.goto('/andringar/');
  await expect(page).toHaveTitle('Ändringar i våra policyer – Tech Troopers AB');
  // The first page, the last, and two either side of the current one.
  expect(await linkNames(page, 'Sidor i ändringsloggen')).toEqual(['Sida 1', 'Sida 2', 'Sida 3', 'Sida 8', 'Nästa']);

  const read = await walk(page, '/andringar/', 'Sidor i ändringsloggen', 8, 160);
  expect(new Set(read).size).toBe(160);
  expect(read.slice(0, 2)).toEqual(['Integritetspolicy, version 80', 'Cookiepolicy, version 80']);
  expect(read.slice(-2)).toEqual(['Integritetspolicy, version 1', 'Cookiepolicy, version 1']);
  await expect(page).toHaveTitle('Ändringar i våra policyer, sida 8 – Tech Troopers AB');
  expect(await linkNames(page, 'Sidor i ändringsloggen')).toEqual([
    'Föregående',
    'Sida 1',
    'Sida 6',
    'Sida 7',
    'Sida 8',
  ]);

  // Back by number and by Föregående.
  await pagination(page, 'Sidor i ändringsloggen').getByRole('link', { name: 'Sida 6', exact: true }).click();
  await expect(page).toHaveURL('/andringar/6/');
  await pagination(page, 'Sidor i ändringsloggen').getByRole('link', { name: 'Föregående' }).click();
  await expect(page).toHaveURL('/andringar/5/');
  expect((await entries(page))[0]).toBe('Integritetspolicy, version 40');

  // The first page has one address only.
  expect((await request.get('/andringar/1/')).status()).toBe(404);
});

for (const [policy, title] of [
  ['integritetspolicy', 'Integritetspolicy'],
  ['cookiepolicy', 'Cookiepolicy'],
] as const) {
  test(`the history of the ${policy} is paged by twenty, newest first, every version once`, async ({ page }) => {
    const read = await walk(page, `/${policy}/versioner/`, 'Sidor i versionshistoriken', 4, 80);
    expect(read).toEqual(Array.from({ length: 80 }, (_, index) => `Version ${80 - index}`));
    await expect(page).toHaveTitle(`Versionshistorik för ${title.toLowerCase()}, sida 4 – Tech Troopers AB`);
  });
}

test('the feed carries the latest fifty versions, newest first', async ({ request }) => {
  const feed = await (await request.get('/andringar.xml')).text();
  const titles = [...feed.matchAll(/<item><title>([^<]+)<\/title>/g)].map((match) => match[1]);
  expect(titles).toHaveLength(50);
  expect(titles[0]).toBe('Integritetspolicy, version 80 (från 24 november 2026)');
  expect(titles[49]).toBe('Cookiepolicy, version 56 (från 31 oktober 2026)');
});

test('paged lists pass axe and fit a 375 px screen, pagination included', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/andringar/');
  await page.getByRole('dialog', { name: 'Vi använder cookies' }).getByRole('button', { name: 'Avvisa alla' }).click();
  for (const path of ['/andringar/4/', '/cookiepolicy/versioner/3/']) {
    await page.goto(path);
    const nav = page.getByRole('navigation', { name: /^Sidor i / });
    await nav.scrollIntoViewIfNeeded();
    await expect(nav).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await test.step(path, () => expectNoAxeViolations(page));
  }
});
