import { expect } from '@playwright/test';
import { CONSENT_LOG, origin, PORTS, STANDINS } from '../../harness/ports';
import {
  banner,
  cookieNames,
  expectNoAxeViolations,
  openPreferences,
  rejectAllInPreferences,
  preferences,
  storedConsent,
} from '../support/consent';
import { sitemapPaths } from '../support/helpers';
import { testOn } from '../support/site';

const test = testOn('published');

// This build has Matomo and Tag Manager configured, pointed at local stand-ins
// (tools/cookie-scan/standins) on an origin of their own, and reports to the real
// consent log (consentLog.spec.ts checks what it receives).

const SITE = origin(PORTS.published);
const MATOMO_COOKIES = /^_pk_(id|ses|ref)\.1\.1f2e$/;

test('first visit: the banner asks, and no page sets a cookie or calls another origin', async ({
  page,
  context,
  request,
}) => {
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).origin !== SITE) foreign.push(req.url());
  });
  for (const path of await sitemapPaths(request)) {
    await page.goto(path);
    await expect(banner(page), path).toBeVisible();
    await expect(banner(page)).toContainText('Med ditt samtycke använder vi cookies för statistik och marknadsföring.');
    await expect(banner(page)).toContainText('under ”Cookieinställningar”');
  }
  expect(foreign).toEqual([]);
  expect(await cookieNames(context)).toEqual([]);
});

test('the banner refuses as easily as it accepts, and the page behind it stays usable', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  const accept = banner(page).getByRole('button', { name: 'Acceptera alla' });
  const refuse = banner(page).getByRole('button', { name: 'Avvisa alla' });
  await expect(accept).toBeVisible();
  await expect(refuse).toBeVisible();
  const [a, r] = [await accept.boundingBox(), await refuse.boundingBox()];
  // Side by side, the same size, the same colours.
  expect(Math.abs(a!.y - r!.y)).toBeLessThan(2);
  expect(Math.abs(a!.height - r!.height)).toBeLessThan(2);
  const look = (el: HTMLElement) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color].join();
  expect(await accept.evaluate(look)).toBe(await refuse.evaluate(look));
  await expect(banner(page).getByRole('button', { name: 'Inställningar' })).toBeVisible();
  await expect(banner(page).getByRole('link', { name: 'Cookiepolicy' })).toHaveAttribute('href', '/cookiepolicy/');
  // No cookie wall: the page can be read and used behind the banner.
  await page.getByRole('navigation', { name: 'Innehåll' }).getByRole('link', { name: 'Övrigt' }).click();
  await expect(page).toHaveURL(/#%C3%B6vrigt$|#övrigt$/);
  await expect(banner(page)).toBeVisible();
});

test('scrolling and moving on between pages is not consent', async ({ page, context }) => {
  await page.goto('/');
  await page.mouse.wheel(0, 2000);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Cookiepolicy' }).click();
  await expect(banner(page)).toBeVisible();
  expect(await storedConsent(context)).toBeUndefined();
});

test('Avvisa alla: nothing non-essential, on reload too, and the banner stays away', async ({ page, context }) => {
  // The one request that may leave the site is the proof of the refusal, to the consent log.
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(`${SITE}/`) && req.url() !== `${CONSENT_LOG}/samtycke`) foreign.push(req.url());
  });
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  await expect(banner(page)).toBeHidden();
  expect((await storedConsent(context))?.categories).toEqual(['necessary']);
  await page.reload();
  await page.goto('/cookiepolicy/');
  await expect(banner(page)).toBeHidden();
  expect(await cookieNames(context)).toEqual(['cc_cookie']);
  expect(foreign).toEqual([]);
});

test('Acceptera alla starts statistics and marketing; withdrawing statistics deletes its cookies for good', async ({
  page,
  context,
}) => {
  await page.goto('/');
  const matomoLoaded = page.waitForRequest(`${STANDINS}/matomo/matomo.js`);
  await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
  await matomoLoaded;
  // Tag Manager runs, but sets no cookie: version 1 grants Google no signal (consent-mode.spec.ts).
  await expect
    .poll(() => cookieNames(context))
    .toEqual(expect.arrayContaining(['_pk_id.1.1f2e', '_pk_ses.1.1f2e', 'cc_cookie']));
  expect((await storedConsent(context))?.categories).toEqual(['necessary', 'statistics', 'marketing']);
  expect(await page.evaluate(() => (window as { __gtmStandIn?: string }).__gtmStandIn)).toBe('GTM-TEST123');

  // Footer → Cookieinställningar → Statistik off.
  await openPreferences(page);
  await preferences(page).getByRole('checkbox', { name: 'Statistik' }).uncheck({ force: true });
  const reloaded = page.waitForEvent('load');
  await preferences(page).getByRole('button', { name: 'Spara mina val' }).click();
  await reloaded;
  expect((await cookieNames(context)).filter((name) => MATOMO_COOKIES.test(name))).toEqual([]);
  expect((await storedConsent(context))?.categories).toEqual(['necessary', 'marketing']);
  expect(await page.evaluate(() => (window as { __gtmStandIn?: string }).__gtmStandIn)).toBe('GTM-TEST123');

  // Never again after withdrawal: Matomo stays out of every later page.
  const matomoRequests: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/matomo/')) matomoRequests.push(req.url());
  });
  await page.goto('/integritetspolicy/');
  await page.goto('/andringar/');
  expect(matomoRequests).toEqual([]);
  expect((await cookieNames(context)).filter((name) => MATOMO_COOKIES.test(name))).toEqual([]);
});

test('withdrawing everything is as easy as agreeing: Avvisa alla in the preferences', async ({ page, context }) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
  await expect.poll(() => cookieNames(context)).toContain('_pk_id.1.1f2e');
  await rejectAllInPreferences(page);
  expect(await cookieNames(context)).toEqual(['cc_cookie']);
  expect((await storedConsent(context))?.categories).toEqual(['necessary']);
});

test('the preferences show the proof of consent, fitting each state', async ({ page, context }) => {
  await page.goto('/kontakt/');
  // Before any choice there is no ID to give.
  await banner(page).getByRole('button', { name: 'Inställningar' }).click();
  await expect(preferences(page).locator('[data-consent-proof]')).toHaveText(
    'Du har inte gjort något val ännu. När du har valt står ditt samtyckes-id här, så att du kan uppge det om du vill fråga oss om ditt samtycke.',
  );
  await preferences(page).getByRole('button', { name: 'Acceptera alla' }).click();
  const stored = await storedConsent(context);
  expect(stored?.consentId).toMatch(/^[0-9a-f-]{36}$/);
  // The choice was made in the preferences: the proof names that layer's published text.
  const { texts } = JSON.parse((await page.locator('#consent-setup').textContent())!);
  expect(stored?.data).toEqual({
    policyVersion: '1',
    policyEffective: '2026-11-24',
    revision: 1,
    gpc: false,
    bannerHash: texts.standard.preferences,
  });

  await page.reload();
  await openPreferences(page);
  const proof = preferences(page).locator('[data-consent-proof]');
  await expect(proof).toContainText(`Samtyckes-id: ${stored!.consentId}.`);
  await expect(proof).toContainText('Uppge samtyckes-id:t om du vill fråga oss om ditt samtycke.');
  await expect(proof).toContainText('Godkända kategorier: Nödvändiga, Statistik, Marknadsföring.');
  await expect(proof).toContainText('Samtycket avser cookiepolicyn version 1, som gäller sedan 24 november 2026.');
});

test('a returning visitor’s page fetches the banner only when Cookieinställningar is reached for, then opens it', async ({
  page,
}) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/\/_astro\/banner-/.test(request.url())) fetched.push(request.url());
  });
  await page.goto('/cookiepolicy/');
  await expect(page.getByRole('contentinfo')).toBeVisible();
  expect(fetched).toEqual([]);
  const link = page.getByRole('contentinfo').getByRole('link', { name: 'Cookieinställningar' });
  const prefetch = page.waitForRequest(/\/_astro\/banner-.*\.js$/);
  await link.hover();
  await prefetch;
  await expect(banner(page)).toHaveCount(0);
  await link.click();
  await expect(preferences(page)).toBeVisible();
  // By keyboard too: the link's focus fetches it.
  await page.goto('/');
  const focused = page.waitForRequest(/\/_astro\/banner-.*\.js$/);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookieinställningar' }).focus();
  await focused;
});

test('the cookie names in the preferences equal those in the cookie policy’s tables', async ({ page }) => {
  await page.goto('/cookiepolicy/');
  const onPage = await page.locator('[data-category] tbody th').allInnerTexts();
  expect(onPage.length).toBeGreaterThanOrEqual(5);
  await banner(page).getByRole('button', { name: 'Inställningar' }).click();
  await expect(preferences(page)).toBeVisible();
  // The modal builds its tables when first opened: wait for them, then compare.
  const inModal = preferences(page).locator('table tbody tr td:first-child');
  await expect(inModal).toHaveCount(onPage.length);
  expect((await inModal.allTextContents()).map((name) => name.trim()).sort()).toEqual(
    onPage.map((name) => name.trim()).sort(),
  );
  expect(onPage).toEqual(expect.arrayContaining(['cc_cookie', '_pk_id.*', '_pk_ses.*', '_gcl_au']));
});

test('Global Privacy Control refuses marketing without asking, and the preferences say why', async ({
  page,
  context,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  );
  await page.goto('/');
  await expect(banner(page)).toContainText('Din webbläsare skickar signalen Global Privacy Control.');
  await expect(banner(page)).toContainText('Med ditt samtycke använder vi cookies för statistik.');
  await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
  await expect.poll(() => cookieNames(context)).toContain('_pk_id.1.1f2e');
  expect((await storedConsent(context))?.categories).toEqual(['necessary', 'statistics']);
  expect(await cookieNames(context)).not.toContain('_gcl_au');
  expect(await page.evaluate(() => (window as { __gtmStandIn?: string }).__gtmStandIn)).toBeUndefined();
  await openPreferences(page);
  await expect(preferences(page).getByRole('checkbox', { name: 'Marknadsföring' })).toHaveCount(0);
  await expect(preferences(page)).toContainText(
    'Därför använder vi inga cookies för marknadsföring och frågar inte om dem.',
  );
});

test('the banner and the preferences work with the keyboard alone', async ({ page, context }) => {
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  // Tab until "Inställningar" has focus, then open it with Enter.
  for (let i = 0; i < 40 && (await focusedName()) !== 'Inställningar'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(preferences(page)).toBeVisible();
  // Tab to the statistics switch and turn it on with Space.
  const statistics = preferences(page).getByRole('checkbox', { name: 'Statistik' });
  for (let i = 0; i < 40 && !(await statistics.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(statistics).toBeChecked();
  for (let i = 0; i < 40 && (await focusedName()) !== 'Spara mina val'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(preferences(page)).toBeHidden();
  expect((await storedConsent(context))?.categories).toEqual(['necessary', 'statistics']);
});

test('Avvisa alla with the keyboard alone', async ({ page, context }) => {
  await page.goto('/cookiepolicy/');
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  for (let i = 0; i < 40 && (await focusedName()) !== 'Avvisa alla'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(banner(page)).toBeHidden();
  expect((await storedConsent(context))?.categories).toEqual(['necessary']);
});

test('axe finds no violation with the banner open or the preferences open', async ({ page }) => {
  await page.goto('/cookiepolicy/');
  await expect(banner(page)).toBeVisible();
  await expectNoAxeViolations(page);
  await banner(page).getByRole('button', { name: 'Inställningar' }).click();
  await expect(preferences(page)).toBeVisible();
  // Open every category so its cookie table is checked too.
  for (const toggle of await preferences(page).locator('.pm__section-title').all()) await toggle.click();
  await expectNoAxeViolations(page);
});

test('without JavaScript there is no banner, nothing non-essential, and the policy says why', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(`${SITE}/`)) foreign.push(req.url());
  });
  await page.goto('/cookiepolicy/');
  await expect(banner(page)).toHaveCount(0);
  await expect(
    page.getByText('Valen kräver JavaScript; utan JavaScript använder webbplatsen bara nödvändiga cookies.'),
  ).toBeVisible();
  expect(await context.cookies()).toEqual([]);
  expect(foreign).toEqual([]);
  await context.close();
});

test.describe('a tampered consent cookie makes the banner ask again, with no script error', () => {
  const stored = (value: object) => encodeURIComponent(JSON.stringify(value));
  const proof = { policyVersion: '1', policyEffective: '2026-11-24', revision: 1, gpc: false, bannerHash: '' };
  const sound = {
    categories: ['necessary', 'statistics', 'marketing'],
    revision: 1,
    consentId: '11111111-2222-4333-8444-555555555555',
    consentTimestamp: '2026-11-24T10:00:00.000Z',
    lastConsentTimestamp: '2026-11-24T10:00:00.000Z',
  };

  test('but not a sound one: the proof is what the banner wrote, so nothing is asked', async ({ page, context }) => {
    await context.addCookies([{ name: 'cc_cookie', value: stored({ ...sound, data: proof }), url: `${SITE}/` }]);
    await page.goto('/');
    await expect.poll(() => page.evaluate(() => '__matomoStandIn' in window)).toBe(true);
    await expect(banner(page)).toHaveCount(0);
  });
  const cases: [string, string][] = [
    ['garbage', '%%%not-json{'],
    ['truncated', stored({ categories: ['necessary', 'statistics'], revision: 1 }).slice(0, 30)],
    ['foreign', stored({ consent: true, vendors: ['all'] })],
    ['without a consent ID', stored({ categories: ['necessary', 'statistics', 'marketing'], revision: 1 })],
    [
      'with a broken timestamp',
      stored({
        categories: ['necessary', 'statistics', 'marketing'],
        revision: 1,
        consentId: '11111111-2222-4333-8444-555555555555',
        consentTimestamp: 'igår',
        lastConsentTimestamp: 'igår',
      }),
    ],
    [
      'with categories that are not a list',
      stored({
        categories: 'all',
        revision: 1,
        consentId: '11111111-2222-4333-8444-555555555555',
        consentTimestamp: '2026-11-24T10:00:00.000Z',
      }),
    ],
    // Sound in every other field, with its proof (`data`) tampered with.
    ...(
      [
        ['without its proof', undefined],
        ['with a proof that is text', 'version 1'],
        ['with a policy date that is not a date', { ...proof, policyEffective: 'x' }],
        ['with a policy date of no version', { ...proof, policyEffective: '2026-02-30' }],
        ['with a policy version that does not exist', { ...proof, policyVersion: '<b>99</b>' }],
        ['with a GPC flag that is not true or false', { ...proof, gpc: 'ja' }],
        ['with a banner hash that is not one', { ...proof, bannerHash: 'javascript:alert(1)' }],
      ] as const
    ).map(([what, data]): [string, string] => [what, stored({ ...sound, data })]),
  ];

  for (const [what, value] of cases) {
    test(what, async ({ page, context }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await context.addCookies([{ name: 'cc_cookie', value, url: `${SITE}/` }]);
      await page.goto('/');
      await expect(banner(page)).toBeVisible();
      expect(await page.evaluate(() => '__matomoStandIn' in window)).toBe(false);
      // The preferences open on it without a script error (a tampered date once threw a RangeError).
      await banner(page).getByRole('button', { name: 'Inställningar' }).click();
      await expect(preferences(page).locator('[data-consent-proof]')).toContainText(
        'Du har inte gjort något val ännu.',
      );
      await preferences(page).getByRole('button', { name: 'Avvisa alla' }).click();
      expect((await storedConsent(context))?.categories).toEqual(['necessary']);
      expect(errors).toEqual([]);
    });
  }
});
