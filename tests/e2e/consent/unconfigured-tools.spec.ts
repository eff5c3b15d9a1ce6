import { expect } from '@playwright/test';
import { banner } from '../support/consent';
import { testOn } from '../support/site';

const test = testOn('upcoming-version');

// This build has no statistics or marketing tool and no consent log configured.

test('tools that are not configured are absent from the pages, whatever the visitor accepts', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/');
  const setup = JSON.parse((await page.locator('#consent-setup').textContent())!);
  expect(setup.tools).toEqual({});
  expect(setup.consentLogUrl).toBeUndefined();
  await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
  await page.goto('/integritetspolicy/');
  // No Matomo, no Tag Manager: not in the page, not started, not requested.
  expect(await page.evaluate(() => ({ paq: '_paq' in window, dataLayer: 'dataLayer' in window }))).toEqual({
    paq: false,
    dataLayer: false,
  });
  expect(
    await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src)),
  ).toEqual([expect.stringMatching(/\/_astro\/ConsentBanner\./)]);
  expect(requested.filter((url) => /matomo|gtm\.js|googletagmanager|piwik/i.test(url))).toEqual([]);
  expect(requested.every((url) => new URL(url).origin === new URL(page.url()).origin)).toBe(true);
});
