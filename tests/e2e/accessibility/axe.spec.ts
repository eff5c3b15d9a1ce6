import { axeEverySitemapPage } from '../support/helpers';
import { testOn } from '../support/site';

const sites = {
  published: 'axe finds no WCAG 2.2 A or AA violation on any page in the sitemap, banner open',
  'upcoming-version':
    'axe finds no WCAG 2.2 A or AA violation on any page in the sitemap, banner open, with upcoming, corrected and later versions',
  'v2-filled': 'axe finds no violation on any page of the version 2 drafts, banner open',
} as const;

for (const [name, title] of Object.entries(sites) as [keyof typeof sites, string][]) {
  testOn(name)(title, async ({ page, request }) => {
    await axeEverySitemapPage(page, request);
  });
}
