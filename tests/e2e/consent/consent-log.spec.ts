import { expect, type APIRequestContext } from '@playwright/test';
import { CONSENT_LOG, CONSENT_LOG_TOKEN } from '../../harness/ports';
import { banner, openPreferences, preferences, storedConsent } from '../support/consent';
import { testOn } from '../support/site';

const test = testOn('published');

// The site build reports to the real consent log (services/consent-log), which
// the test harness (tests/harness/harness.ts) starts with a fresh database. Other tests send beacons
// to it too, so this one reads only its own consent ID, as staff would.

async function recordsOf(request: APIRequestContext, consentId: string): Promise<unknown[]> {
  const response = await request.get(`${CONSENT_LOG}/samtycke/${consentId}`, {
    headers: { Authorization: `Bearer ${CONSENT_LOG_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as unknown[];
}

test('Acceptera alla is recorded once, withdrawing Statistik adds a change, and staff can read both', async ({
  page,
  context,
  request,
}) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
  const consentId = (await storedConsent(context))!.consentId;
  const proof = {
    consentId,
    visitorTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
    cookiePolicyVersion: '1',
    cookiePolicyEffective: '2026-11-24',
    receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  };
  const consent = expect.objectContaining({
    ...proof,
    event: 'consent',
    categories: ['necessary', 'statistics', 'marketing'],
    // What was shown: the revision, Global Privacy Control, and the banner's text by its hash.
    revision: 1,
    gpc: false,
    bannerHash: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
  await expect.poll(() => recordsOf(request, consentId)).toEqual([consent]);

  // Footer → Cookieinställningar → Statistik off.
  await openPreferences(page);
  await preferences(page).getByRole('checkbox', { name: 'Statistik' }).uncheck({ force: true });
  const reloaded = page.waitForEvent('load');
  await preferences(page).getByRole('button', { name: 'Spara mina val' }).click();
  await reloaded;

  await expect
    .poll(() => recordsOf(request, consentId))
    .toEqual([consent, expect.objectContaining({ ...proof, event: 'change', categories: ['necessary', 'marketing'] })]);
});
