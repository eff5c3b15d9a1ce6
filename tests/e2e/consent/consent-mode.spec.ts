import { expect } from '@playwright/test';
import {
  ALL_SIGNALS_DENIED,
  chooseOnlyStatistics,
  consentCommands,
  cookieNames,
  preferences,
  tagManagerId,
} from '../support/consent';
import { testOn } from '../support/site';

// Matomo and Tag Manager configured, cookie policy version 1 in force: it declares
// no Google consent signal, so none is ever granted (consent-mode-v2.spec.ts has the
// version 2 drafts, which do).
const test = testOn('published');

test('Tag Manager starts with every Consent Mode signal denied, and version 1 grants Google none, whatever is accepted', async ({
  page,
  context,
}) => {
  await page.goto('/');
  expect(await consentCommands(page)).toEqual([['consent', 'default', ALL_SIGNALS_DENIED]]);

  // Only Statistik: Matomo runs, and Google is not told the visitor agreed to statistics.
  await chooseOnlyStatistics(page);
  await expect.poll(() => consentCommands(page)).toHaveLength(2);
  expect((await consentCommands(page))[1]).toEqual(['consent', 'update', ALL_SIGNALS_DENIED]);
  expect(await tagManagerId(page)).toBeUndefined();

  // Marketing as well: Tag Manager starts, every signal still denied, so it sets no cookie.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookieinställningar' }).click();
  await preferences(page).getByRole('checkbox', { name: 'Marknadsföring' }).check({ force: true });
  await preferences(page).getByRole('button', { name: 'Spara mina val' }).click();
  await expect.poll(() => tagManagerId(page)).toBe('GTM-TEST123');
  expect((await consentCommands(page)).slice(1)).toEqual([
    ['consent', 'update', ALL_SIGNALS_DENIED],
    ['consent', 'update', ALL_SIGNALS_DENIED],
  ]);
  expect(await cookieNames(context)).not.toContain('_gcl_au');
});
