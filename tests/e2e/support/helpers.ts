import { test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './consent';

/** The paths of every page in the built sitemap, as served by the test server. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const paths: string[] = [];
  for (const sitemap of sitemaps) {
    const xml = await (await request.get(sitemap)).text();
    paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname));
  }
  return paths;
}

/** Text with runs of whitespace made single spaces, as a reader sees it. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** axe on every page of the built sitemap, as a first-time visitor sees it: banner open. */
export async function axeEverySitemapPage(page: Page, request: APIRequestContext): Promise<void> {
  const paths = await sitemapPaths(request);
  // A few seconds a page when the machine is idle; room for a busy one, growing with the site.
  test.setTimeout(60_000 + paths.length * 20_000);
  for (const path of paths) {
    await page.goto(path);
    await page.getByRole('dialog', { name: 'Vi använder cookies' }).waitFor();
    await test.step(path, () => expectNoAxeViolations(page));
  }
}

/** Holds back every response to `url` by `ms`, as a slow network would. */
export async function slowDown(page: Page, url: RegExp, ms: number): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.fulfill({ response });
  });
}
