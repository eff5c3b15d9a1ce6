import { test } from '@playwright/test';
import { axeEverySitemapPage } from '../helpers';

// The drafts of version 2, published with their placeholders filled, every tool configured.

test('axe finds no violation on any page of the version 2 drafts, banner open', async ({ page, request }) => {
  await axeEverySitemapPage(page, request);
});
