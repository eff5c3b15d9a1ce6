import { expect } from '@playwright/test';
import { testOn } from '../support/site';

// The upcoming-version content on 2027-07-01, when its upcoming versions have come into force.
const test = testOn('in-force-later');

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
