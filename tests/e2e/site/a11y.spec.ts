import { test } from '@playwright/test';
import { axeEverySitemapPage } from '../helpers';

test('axe finds no WCAG 2.2 A or AA violation on any page in the sitemap, banner open', async ({ page, request }) => {
  await axeEverySitemapPage(page, request);
});
