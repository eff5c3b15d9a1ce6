import { expect } from '@playwright/test';
import { stopSite, testOn } from '../support/site';

// `astro dev` over the upcoming-version content, SITE_TODAY=2027-03-01: the draft dated
// 2027-02-01 is previewed, marked as a draft, and in force from its date.
const test = testOn('drafts-preview');

// Two dev servers of one project share Astro's .astro/data-store.json and reload it when
// the other writes it: this one stops before the web editor's starts (same project, one worker).
test.afterAll(() => stopSite('drafts-preview'));

test('drafts show in the dev preview, marked as drafts', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/');
  const draft = page.locator('[data-version="2027-02-01"]');
  await expect(draft).toContainText('Utkast');
  await expect(draft.getByRole('heading')).toHaveText('Version 2.1');

  await page.goto('/integritetspolicy/versioner/2027-02-01/');
  await expect(page.getByRole('note').filter({ hasText: 'Utkast' })).toContainText('visas bara i förhandsgranskningen');
});
