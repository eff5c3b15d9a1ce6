import { test } from '@playwright/test';
import { expectNoAxeViolations } from '../consent';
import { sitemapPaths } from '../helpers';

test('axe finds no WCAG 2.2 A or AA violation on any page in the sitemap, banner open', async ({ page, request }) => {
  test.setTimeout(120_000);
  for (const path of await sitemapPaths(request)) {
    await page.goto(path);
    await page.getByRole('dialog', { name: 'Vi använder cookies' }).waitFor();
    await test.step(path, () => expectNoAxeViolations(page));
  }
});
