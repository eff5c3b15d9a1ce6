import { expect } from '@playwright/test';
import {
  ALL_SIGNALS_DENIED,
  banner,
  chooseOnlyStatistics,
  consentCommands,
  cookieNames,
  rejectAllInPreferences,
  storedConsent,
  tagManagerId,
} from '../support/consent';
import { testOn } from '../support/site';

// The version 2 drafts in force, every tool configured. Their declaration gives
// Marknadsföring ad_storage, ad_user_data and ad_personalization, and Statistik
// (Matomo, not Google) no signal at all.
const test = testOn('v2-filled');

const MARKETING_GRANTED = {
  ...ALL_SIGNALS_DENIED,
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
};

test('only Statistik accepted: Matomo runs, and analytics_storage stays denied, since the declaration grants Google nothing for statistics', async ({
  page,
}) => {
  await page.goto('/');
  expect(await consentCommands(page)).toEqual([['consent', 'default', ALL_SIGNALS_DENIED]]);
  await chooseOnlyStatistics(page);
  await expect.poll(() => consentCommands(page)).toHaveLength(2);
  expect((await consentCommands(page))[1]).toEqual(['consent', 'update', ALL_SIGNALS_DENIED]);
  expect(await tagManagerId(page)).toBeUndefined();

  // On the next page the stored choice says the same before anything else runs.
  await page.goto('/cookiepolicy/');
  await expect.poll(() => consentCommands(page)).toHaveLength(2);
  expect(await consentCommands(page)).toEqual([
    ['consent', 'default', ALL_SIGNALS_DENIED],
    ['consent', 'update', ALL_SIGNALS_DENIED],
  ]);
});

test('Marknadsföring grants the three signals the declaration gives it and no other; Tag Manager’s cookie goes when it is withdrawn', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
  await expect.poll(() => tagManagerId(page)).toBe('GTM-TEST123');
  expect((await consentCommands(page)).slice(1)).toEqual([['consent', 'update', MARKETING_GRANTED]]);
  await expect.poll(() => cookieNames(context)).toContain('_gcl_au');

  await rejectAllInPreferences(page);
  expect(await cookieNames(context)).toEqual(['cc_cookie']);
  expect((await storedConsent(context))?.categories).toEqual(['necessary']);
  expect(await consentCommands(page)).toEqual([
    ['consent', 'default', ALL_SIGNALS_DENIED],
    ['consent', 'update', ALL_SIGNALS_DENIED],
  ]);
  expect(await tagManagerId(page)).toBeUndefined();
});
