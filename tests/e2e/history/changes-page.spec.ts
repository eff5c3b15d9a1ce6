import { expect } from '@playwright/test';
import { testOn } from '../support/site';

const test = testOn('upcoming-version');

test('the changes page shows what was added and removed, word by word, with a legend naming both dates', async ({
  page,
}) => {
  await page.goto('/integritetspolicy/versioner/2027-01-15/andringar/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Integritetspolicy: version 2');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText(
    'version 2 (gäller från 15 januari 2027) jämförd med version 1 (gällde från 24 november 2026)',
  );
  expect(
    await legend.locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime'))),
  ).toEqual(['2027-01-15', '2026-11-24']);

  const diff = page.locator('.diff').last();
  // A whole new passage.
  await expect(diff.locator('[data-change="added"] ins')).toContainText(
    'Lagringstid. Vi sparar personuppgifter så länge avtalet gäller och därefter så länge lagen kräver, sedan raderas de.',
  );
  // A removed passage inside a paragraph that stays.
  await expect(
    diff.locator('del').filter({ hasText: 'Till exempel loggas IP-nummer för att kunna spåra missbruk.' }),
  ).toHaveCount(1);
  // A rewritten phrase reads as one removal and one addition.
  await expect(diff.locator('del').filter({ hasText: 'personuppgiftslagen (SFS 1998:204' })).toHaveCount(1);
  await expect(diff.locator('ins').filter({ hasText: 'dataskyddsförordningen (EU) 2016/679' })).toHaveCount(1);
  // Unchanged text is there, unmarked.
  await expect(
    diff.locator('[data-change="same"]').filter({ hasText: 'Din integritet är viktig för oss!' }),
  ).toHaveCount(1);
});

test('added and removed text is announced to screen readers, not shown by colour alone', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2027-01-15/andringar/');
  const diff = page.locator('.diff').last();
  const removed = diff.locator('del').filter({ hasText: 'Till exempel loggas' });
  await expect(removed).toHaveText('[Borttaget: Till exempel loggas IP-nummer för att kunna spåra missbruk.]');
  await expect(removed.locator('.sr-only').first()).toHaveText('[Borttaget: ');
  const added = diff.locator('[data-change="added"] ins');
  await expect(added.locator('.sr-only').first()).toHaveText('[Tillagt: ');
  // Not colour alone: removals are struck through, additions underlined.
  expect(await removed.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
  expect(await added.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
  // Screen readers get the same through the accessibility tree.
  const snapshot = await diff.ariaSnapshot();
  expect(snapshot).toContain('[Tillagt: Lagringstid.');
  expect(snapshot).toContain('[Borttaget: Till exempel loggas');
});

test('the changes page counts the changes and jumps to the first one', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2027-01-15/andringar/');
  await expect(page.getByTestId('legend')).toContainText(
    /3 stycken har ändrats: \d+ ord har lagts till och \d+ ord har tagits bort\./,
  );
  await page.getByRole('link', { name: 'Gå till första ändringen' }).click();
  await expect(page).toHaveURL(/#andring-1$/);
  await expect(page.locator('#andring-1')).toBeInViewport();
});

test('changes pages exist for adjacent versions only', async ({ request }) => {
  expect((await request.get('/integritetspolicy/versioner/2027-06-01/andringar/')).status()).toBe(200);
  expect((await request.get('/integritetspolicy/versioner/2026-11-24/andringar/')).status()).toBe(404);
});

test('an upcoming version’s changes are measured against the version in force', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2027-06-01/andringar/');
  await expect(page.getByTestId('legend')).toContainText(
    'version 3 (gäller från 1 juni 2027) jämförd med version 2 (gällde från 15 januari 2027)',
  );
  await expect(page.locator('.diff').last().locator('[data-change="added"]')).toHaveText([
    /Klagomål/,
    /rätt att få tillgång till, rätta och radera/,
  ]);
});
