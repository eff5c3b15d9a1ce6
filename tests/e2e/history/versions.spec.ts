import { expect } from '@playwright/test';
import { testOn } from '../support/site';

const test = testOn('upcoming-version');

// Built with SITE_TODAY=2027-03-01 from the real content plus tests/fixtures/policies:
// integritetspolicy 2026-11-24 (v1), 2027-01-15 (v2, in force), 2027-02-01 (draft),
// 2027-06-01 (v3, upcoming); cookiepolicy 2026-11-24 (v1) and 2027-02-15 (v1.1).

test('the history lists every published version newest first, with its status', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versionshistorik: Integritetspolicy');
  const versions = page.getByRole('list', { name: 'Versioner, nyaste först' }).getByRole('article');
  await expect(versions).toHaveCount(3);
  await expect(versions.getByRole('heading')).toHaveText(['Version 3', 'Version 2', 'Version 1']);
  await expect(versions.locator('[data-status]')).toHaveText(['Kommande', 'Gällande', 'Tidigare']);
  await expect(versions.nth(0)).toContainText('Gäller från 1 juni 2027');
  await expect(versions.nth(0).locator('time')).toHaveAttribute('datetime', '2027-06-01');
  await expect(versions.nth(1)).toContainText('Gäller sedan 15 januari 2027');
  await expect(versions.nth(2)).toContainText('Gällde från 24 november 2026 till 15 januari 2027');
});

test('each history entry shows its summary, change items and material flag, and links to the version and its changes', async ({
  page,
}) => {
  await page.goto('/integritetspolicy/versioner/');
  const v2 = page.locator('[data-version="2027-01-15"]');
  await expect(v2).toContainText('Hänvisningen till personuppgiftslagen ersätts av dataskyddsförordningen');
  await expect(
    v2.getByRole('listitem').filter({ hasText: 'Nytt stycke om hur länge personuppgifter sparas.' }),
  ).toHaveCount(1);
  await expect(v2).toContainText('Väsentlig ändring');
  await expect(v2.getByRole('link', { name: 'Läs version 2' })).toHaveAttribute(
    'href',
    '/integritetspolicy/versioner/2027-01-15/',
  );
  await expect(v2.getByRole('link', { name: 'Se ändringarna mot version 1' })).toHaveAttribute(
    'href',
    '/integritetspolicy/versioner/2027-01-15/andringar/',
  );
  // The first version has nothing to compare with.
  const v1 = page.locator('[data-version="2026-11-24"]');
  await expect(v1.getByRole('link', { name: /Se ändringarna/ })).toHaveCount(0);
});

test('drafts are never published by a production build', async ({ page, request }) => {
  await page.goto('/integritetspolicy/versioner/');
  await expect(page.locator('[data-version="2027-02-01"]')).toHaveCount(0);
  await expect(page.getByText('Utkast')).toHaveCount(0);
  expect((await request.get('/integritetspolicy/versioner/2027-02-01/')).status()).toBe(404);
});

test('the current policy page shows the version in force and announces the upcoming one', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  await expect(page.getByTestId('version-label')).toHaveText('2');
  await expect(page.locator('article header dl time').first()).toHaveAttribute('datetime', '2027-01-15');
  await expect(page.getByText('Vi sparar personuppgifter så länge avtalet gäller')).toBeVisible();
  const notice = page.getByRole('note').filter({ hasText: 'En ny version gäller från' });
  await expect(notice).toContainText('En ny version gäller från 1 juni 2027 och innehåller väsentliga ändringar.');
  await expect(notice.getByRole('link', { name: 'Läs version 3' })).toHaveAttribute(
    'href',
    '/integritetspolicy/versioner/2027-06-01/',
  );
  await expect(notice.getByRole('link', { name: 'Se vad som ändras' })).toHaveAttribute(
    'href',
    '/integritetspolicy/versioner/2027-06-01/andringar/',
  );
  await expect(page.getByRole('link', { name: 'Versionshistorik' }).first()).toHaveAttribute(
    'href',
    '/integritetspolicy/versioner/',
  );
  await expect(page.getByRole('link', { name: 'Vad har ändrats sedan 24 november 2026' })).toHaveAttribute(
    'href',
    '/integritetspolicy/versioner/2027-01-15/andringar/',
  );
});

test('the table of contents leads to every heading of the policy', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  const toc = page.getByRole('navigation', { name: 'Innehåll' }).getByRole('link');
  const headings = page.locator('.prose h2');
  await expect(toc).toHaveText(await headings.allInnerTexts());
  for (const link of await toc.all()) {
    const target = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
    await expect(page.locator(`[id="${target}"]`)).toHaveCount(1);
  }
});

test('a version no longer in force says so and links to the one that is', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2026-11-24/');
  const note = page.getByRole('note');
  await expect(note).toContainText('Den här versionen gäller inte längre.');
  await expect(note).toContainText('Den ersattes 15 januari 2027.');
  await expect(note.getByRole('link', { name: 'Läs den gällande versionen (version 2)' })).toHaveAttribute(
    'href',
    '/integritetspolicy/',
  );
  await expect(page.getByText('personuppgiftslagen (SFS 1998:204)')).toBeVisible();
});

test('the permanent page of the current version is there and says nothing of being replaced', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2027-01-15/');
  await expect(page.getByTestId('version-label')).toHaveText('2');
  await expect(page.getByText('Den här versionen gäller inte längre.')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    'https://techtroopers.com/integritetspolicy/versioner/2027-01-15/',
  );
});

test('an upcoming version has its permanent page, marked as not yet in force', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2027-06-01/');
  const note = page.getByRole('note').filter({ hasText: 'Den här versionen' });
  await expect(note).toContainText('Den här versionen gäller inte ännu.');
  await expect(note).toContainText('Den börjar gälla 1 juni 2027.');
  await expect(note.getByRole('link', { name: 'version 2' })).toHaveAttribute('href', '/integritetspolicy/');
  await expect(page.getByRole('heading', { name: 'Dina rättigheter' })).toBeVisible();
});

test('printing a policy leaves out the menus and keeps the text and its permanent address', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Innehåll' })).toBeHidden();
  await expect(
    page.getByText('Permanent adress: https://techtroopers.com/integritetspolicy/versioner/2027-01-15/'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Personuppgiftsbehandling' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByText('Permanent adress: https://')).toBeHidden();
});
