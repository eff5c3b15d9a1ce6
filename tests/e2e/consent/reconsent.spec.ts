import { expect } from '@playwright/test';
import { banner, storedConsent } from '../support/consent';
import { site, testOn } from '../support/site';

const test = testOn('in-force-later');

// Three sites share the visitor's cookies (cookies ignore the port):
//   published         cookie policy 1 (2026-11-24)                                   consent revision 1
//   upcoming-version  cookie policy 1.1: new wording, and Marknadsföring described   consent revision 2
//                     anew: the purpose the visitor agreed to reads differently
//   in-force-later    cookie policy 2 adds a Meta cookie                             consent revision 3
// A version that changes only the policy's text asks nobody again (tests/unit/consent.test.ts).

test('a new description of a purpose asks again without claiming the cookies changed; a version that changes the cookies says so', async ({
  page,
  context,
}) => {
  // It asks for two other sites, either of which may have to be built first on a busy machine.
  test.setTimeout(600_000);
  await page.goto(`${(await site('published')).url}/`);
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  expect((await storedConsent(context))?.revision).toBe(1);

  const upcoming = (await site('upcoming-version')).url;
  await page.goto(`${upcoming}/cookiepolicy/`);
  await expect(page.getByTestId('version-label')).toHaveText('1.1');
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText(
    'Vi har ändrat vad vi ber om ditt samtycke till sedan du gjorde ditt val: Stavningen av företagsnamnet rättas.',
  );
  await expect(banner(page)).not.toContainText('vilka cookies');
  await expect(banner(page).getByRole('link', { name: 'Se vad som ändrats' })).toHaveAttribute(
    'href',
    '/cookiepolicy/versioner/2027-02-15/andringar/',
  );
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  expect((await storedConsent(context))?.revision).toBe(2);
  // The changes page names what the visitor is asked about; asked once, the visitor is not asked again.
  await page.goto(`${upcoming}/cookiepolicy/versioner/2027-02-15/andringar/`);
  await expect(page.getByRole('region', { name: 'Ändrade cookies' }).getByRole('listitem')).toHaveText([
    'Ändrad kategori: Marknadsföring, ny beskrivning av vad cookierna används till',
  ]);
  await expect(banner(page)).toBeHidden();

  await page.goto('/cookiepolicy/');
  await expect(page.getByTestId('version-label')).toHaveText('2');
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText(
    'Vi har ändrat vilka cookies vi använder sedan du gjorde ditt val: Annonser på Facebook och Instagram läggs till under Marknadsföring.',
  );
  await expect(banner(page).getByRole('link', { name: 'Se vad som ändrats' })).toHaveAttribute(
    'href',
    '/cookiepolicy/versioner/2027-06-15/andringar/',
  );
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  const stored = await storedConsent(context);
  expect(stored?.revision).toBe(3);
  expect(stored?.data).toEqual({
    policyVersion: '2',
    policyEffective: '2027-06-15',
    revision: 3,
    gpc: false,
    bannerHash: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
});
