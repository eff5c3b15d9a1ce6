// The site the page measurements look at: the published versions plus the test
// fixtures' later ones, built for a day on which a changes page exists.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFixtureContent } from '../tests/harness/contentSets.ts';
import { build } from './build.ts';
import { log, work } from './shared.ts';

/** The day the pages are built for: the history has entries and a changes page exists. */
export const PAGES_DAY = '2027-03-01';

/** One page type measured, by its Swedish name in the report. */
export interface MeasuredPage {
  name: string;
  path: string;
}

/** Builds the site into .bench/pages and returns its output folder and the pages to measure. */
export async function buildPagesSite(): Promise<{ dist: string; pages: MeasuredPage[] }> {
  rmSync(join(work, 'pages'), { recursive: true, force: true });
  const content = writeFixtureContent(join(work, 'pages/content'));
  const dist = join(work, 'pages/dist');
  log(`building the site for page measurements (${PAGES_DAY})…`);
  await build(
    {
      POLICIES_DIR: content,
      SITE_TODAY: PAGES_DAY,
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(work, 'pages/cache'),
    },
    join(work, 'pages/build.log'),
  );
  const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>https:\/\/techtroopers\.com([^<]*)<\/loc>/g)].map((match) => match[1] ?? '');
  const [changes] = paths.filter((path) => /^\/integritetspolicy\/versioner\/[\d-]+\/andringar\/$/.test(path)).sort();
  if (!changes) throw new Error(`The build for ${PAGES_DAY} has no changes page.`);
  return {
    dist,
    pages: [
      { name: 'Startsida', path: '/' },
      { name: 'Integritetspolicy', path: '/integritetspolicy/' },
      { name: 'Cookiepolicy', path: '/cookiepolicy/' },
      { name: 'Versionshistorik', path: '/integritetspolicy/versioner/' },
      { name: 'Ändringar (diff)', path: changes },
      { name: 'Kontakt', path: '/kontakt/' },
    ],
  };
}
