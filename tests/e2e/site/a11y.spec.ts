import { test } from '@playwright/test';
import { axeEverySitemapPage } from '../helpers';

test('axe finds no WCAG 2.2 A or AA violation on any page in the sitemap, banner open', async ({ page, request }) => {
  test.setTimeout(120_000);
  await axeEverySitemapPage(page, request);
});
