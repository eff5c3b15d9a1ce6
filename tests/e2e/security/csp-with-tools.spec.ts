import { expect } from '@playwright/test';
import { CONSENT_LOG, STANDINS } from '../../harness/ports';
import { banner, openPreferences, preferences } from '../support/consent';
import { watchForViolations } from '../support/csp';
import { sitemapPaths } from '../support/helpers';
import { catchMailto, chooseType, fill, form, TEST_PERSONNUMMER } from '../support/requests';
import { testOn } from '../support/site';

const test = testOn('published');

// With Matomo and Tag Manager configured (stand-ins), and the consent log (the real service).

test('no page breaks its content security policy, before or after consent', async ({ page, request }) => {
  test.setTimeout(120_000);
  const check = await watchForViolations(page);
  const paths = await sitemapPaths(request);
  for (const path of paths) {
    await page.goto(path);
    await expect(banner(page)).toBeVisible();
  }
  // Consent on a page where the tools may run (not the contact page).
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Inställningar' }).click();
  await expect(preferences(page)).toBeVisible();
  await preferences(page).getByRole('button', { name: 'Acceptera alla' }).click();
  await expect.poll(() => page.evaluate(() => '__matomoStandIn' in window && '__gtmStandIn' in window)).toBe(true);
  for (const path of paths) await page.goto(path);
  await openPreferences(page);
  await check();
});

test('the policy lets in the configured tools’ and consent log’s origins and no other', async ({ page }) => {
  await page.goto('/');
  const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'))!;
  expect(policy).toContain(`script-src 'self' ${STANDINS} 'sha256-`);
  expect(policy).toContain(`connect-src 'self' ${STANDINS} ${CONSENT_LOG};`);
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('googletagmanager');
});

test('the contact page keeps its policy through errors, a composed message and the letter', async ({ page }) => {
  const check = await watchForViolations(page);
  await catchMailto(page);
  await page.goto('/kontakt/?arende=registerutdrag');
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  await form(page)
    .getByRole('radio', { name: /^Med brev/ })
    .check();
  await form(page).getByRole('button', { name: 'Skapa brev att skriva ut' }).click();
  await expect(form(page).getByText('Kontrollera det du fyllt i:')).toBeVisible();
  await fill(page, {
    Namn: 'A B',
    'Personnummer (valfritt)': TEST_PERSONNUMMER,
    Gatuadress: 'G 1',
    Postnummer: '111 22',
    Ort: 'O',
  });
  await form(page).getByRole('button', { name: 'Skapa brev att skriva ut' }).click();
  await expect(page.getByRole('article', { name: 'Begäran om registerutdrag' })).toBeVisible();
  await chooseType(page, 'Spärr mot direktmarknadsföring');
  await fill(page, { 'E-post': 'a@example.se' });
  await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
  await expect(page.locator('[data-result]')).toBeVisible();
  await check();
});
