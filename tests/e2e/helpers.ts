import type { APIRequestContext } from '@playwright/test';

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
