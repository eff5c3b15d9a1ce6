import { expect, test } from '@playwright/test';

// `astro dev` over the fixture content, SITE_TODAY=2027-03-01: the draft dated
// 2027-02-01 is previewed, marked as a draft, and in force from its date.

test('drafts show in the dev preview, marked as drafts', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/');
  const draft = page.locator('[data-version="2027-02-01"]');
  await expect(draft).toContainText('Utkast');
  await expect(draft.getByRole('heading')).toHaveText('Version 2.1');

  await page.goto('/integritetspolicy/versioner/2027-02-01/');
  await expect(page.getByRole('note').filter({ hasText: 'Utkast' })).toContainText('visas bara i förhandsgranskningen');
});
