import { expect, test } from '@playwright/test';
import { origin, PORTS } from '../../support/ports';
import { banner, storedConsent } from '../consent';

// Three builds share the visitor's cookies (cookies ignore the port):
//   site     cookie policy 1 (2026-11-24)         consent revision 1
//   fixture  cookie policy 1.1, new wording only   consent revision 1
//   later    cookie policy 2 adds a Meta cookie    consent revision 2

test('a version that only rewords asks nobody again; one that changes the cookies asks everyone, saying what changed', async ({
  page,
  context,
}) => {
  await page.goto(`${origin(PORTS.site)}/`);
  await banner(page).getByRole('button', { name: 'Avvisa alla' }).click();
  expect((await storedConsent(context))?.revision).toBe(1);

  await page.goto(`${origin(PORTS.fixture)}/cookiepolicy/`);
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

test('upcoming versions come into force in a build on or after their date', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  await expect(page.getByTestId('version-label')).toHaveText('3');
  await expect(page.getByRole('heading', { name: 'Dina rättigheter' })).toBeVisible();
  await page.goto('/integritetspolicy/versioner/');
  await expect(page.locator('[data-status]')).toHaveText(['Gällande', 'Tidigare', 'Tidigare']);
});

test('the changes page of a cookie policy version lists the cookies it adds', async ({ page }) => {
  await page.goto('/cookiepolicy/versioner/2027-06-15/andringar/');
  const cookies = page.getByRole('region', { name: 'Ändrade cookies' });
  await expect(cookies).toContainText('Tillagd: _fbp (Meta, Tredjepart, Marknadsföring)');
});
