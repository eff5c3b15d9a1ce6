import { expect } from '@playwright/test';
import { banner, storedConsent } from '../support/consent';
import { site, testOn } from '../support/site';

const test = testOn('in-force-later');

// Three sites share the visitor's cookies (cookies ignore the port):
//   published         cookie policy 1 (2026-11-24)         consent revision 1
//   upcoming-version  cookie policy 1.1, new wording only   consent revision 1
//   in-force-later    cookie policy 2 adds a Meta cookie    consent revision 2

test('a version that only rewords asks nobody again; one that changes the cookies asks everyone, saying what changed', async ({
  page,
  context,
}) => {
  await page.goto(`${(await site('published')).url}/`);
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  expect((await storedConsent(context))?.revision).toBe(1);

  await page.goto(`${(await site('upcoming-version')).url}/cookiepolicy/`);
  await expect(page.getByTestId('version-label')).toHaveText('1.1');
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
  expect(stored?.revision).toBe(2);
  expect(stored?.data).toEqual({
    policyVersion: '2',
    policyEffective: '2027-06-15',
    revision: 2,
    gpc: false,
    bannerHash: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
});
