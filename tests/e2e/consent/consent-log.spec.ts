import { createHash } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
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

/** The hashes of the published texts the page names for a browser without Global Privacy Control. */
async function shippedHashes(page: Page): Promise<{ banner: string; preferences: string }> {
  const setup = JSON.parse((await page.locator('#consent-setup').textContent())!);
  return setup.texts.standard;
}

/** The published text behind `hash`, fetched from the site, after checking that its bytes hash to its name. */
async function publishedText(request: APIRequestContext, hash: string): Promise<Record<string, unknown>> {
  const response = await request.get(`/samtycke/texter/${hash}.json`);
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect(createHash('sha256').update(body).digest('hex').slice(0, 16)).toBe(hash);
  return JSON.parse(body.toString('utf8'));
}

test('each choice is recorded with how and in which layer it was made, and the hash of that layer’s published text', async ({
  page,
  context,
  request,
}) => {
  await page.goto('/');
  const hashes = await shippedHashes(page);
  expect(hashes.banner).not.toBe(hashes.preferences);
  const shownBanner = (await banner(page).textContent())!.replace(/\s+/g, ' ');
  await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
  const consentId = (await storedConsent(context))!.consentId;
  const proof = {
    consentId,
    visitorTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
    cookiePolicyVersion: '1',
    cookiePolicyEffective: '2026-11-24',
    receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    // What was shown: the revision and Global Privacy Control.
    revision: 1,
    gpc: false,
  };
  const consent = expect.objectContaining({
    ...proof,
    event: 'consent',
    categories: ['necessary', 'statistics', 'marketing'],
    action: 'accept_all',
    layer: 'banner',
    bannerHash: hashes.banner,
  });
  await expect.poll(() => recordsOf(request, consentId)).toEqual([consent]);
  expect((await storedConsent(context))!.data?.['bannerHash']).toBe(hashes.banner);

  // Footer → Cookieinställningar → Statistik off, saved as an own selection.
  await openPreferences(page);
  const shownPreferences = (await preferences(page).textContent())!.replace(/\s+/g, ' ');
  await preferences(page).getByRole('checkbox', { name: 'Statistik' }).uncheck({ force: true });
  let reloaded = page.waitForEvent('load');
  await preferences(page).getByRole('button', { name: 'Spara mina val' }).click();
  await reloaded;
  const custom = expect.objectContaining({
    ...proof,
    event: 'change',
    categories: ['necessary', 'marketing'],
    action: 'custom',
    layer: 'preferences',
    bannerHash: hashes.preferences,
  });
  await expect.poll(() => recordsOf(request, consentId)).toEqual([consent, custom]);
  expect((await storedConsent(context))!.data?.['bannerHash']).toBe(hashes.preferences);

  // Avvisa alla in the preferences takes back what is left: consent withdrawn.
  await openPreferences(page);
  reloaded = page.waitForEvent('load');
  await preferences(page).getByRole('button', { name: 'Avvisa alla' }).click();
  await reloaded;
  const withdrawn = expect.objectContaining({
    ...proof,
    event: 'change',
    categories: ['necessary'],
    action: 'withdraw',
    layer: 'preferences',
    bannerHash: hashes.preferences,
  });
  await expect.poll(() => recordsOf(request, consentId)).toEqual([consent, custom, withdrawn]);

  // Both hashes resolve on the site to the texts the visitor was shown.
  const bannerText = await publishedText(request, hashes.banner);
  expect(bannerText).toMatchObject({
    layer: 'banner',
    gpc: false,
    cookiePolicy: { version: '1', effective: '2026-11-24' },
    text: { title: 'Vi använder cookies', acceptAllBtn: 'Acceptera alla', acceptNecessaryBtn: 'Avvisa alla' },
  });
  const bannerWords = bannerText['text'] as Record<string, string>;
  for (const label of [bannerWords['title'], bannerWords['acceptAllBtn'], bannerWords['showPreferencesBtn']]) {
    expect(shownBanner).toContain(label);
  }
  const preferencesText = await publishedText(request, hashes.preferences);
  expect(preferencesText).toMatchObject({
    layer: 'preferences',
    gpc: false,
    cookiePolicy: { version: '1', effective: '2026-11-24' },
    text: { title: 'Cookieinställningar', savePreferencesBtn: 'Spara mina val' },
  });
  const sections = (
    preferencesText['text'] as { sections: { title: string; cookieTable?: { body: { name: string }[] } }[] }
  ).sections;
  expect(sections.map((section) => section.title)).toEqual(
    expect.arrayContaining(['Nödvändiga', 'Statistik', 'Marknadsföring']),
  );
  for (const section of sections) {
    expect(shownPreferences).toContain(section.title);
    for (const row of section.cookieTable?.body ?? []) expect(shownPreferences).toContain(row.name);
  }
});

test('a report the browser will not send as a beacon goes once as a fetch, and is recorded', async ({
  page,
  context,
  request,
}) => {
  await page.addInitScript(() => {
    (window as { beaconsRefused?: number }).beaconsRefused = 0;
    navigator.sendBeacon = () => {
      (window as { beaconsRefused?: number }).beaconsRefused! += 1;
      return false;
    };
  });
  const posts: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST' && sent.url().includes('/samtycke')) posts.push(sent.url());
  });
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  const consentId = (await storedConsent(context))!.consentId;
  await expect
    .poll(() => recordsOf(request, consentId))
    .toEqual([
      expect.objectContaining({ consentId, event: 'consent', categories: ['necessary'], action: 'reject_all' }),
    ]);
  expect(await page.evaluate(() => (window as { beaconsRefused?: number }).beaconsRefused)).toBe(1);
  expect(posts).toHaveLength(1);
});
