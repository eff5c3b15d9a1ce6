// The sites the page measurements look at: the content as published (version 1 in force)
// and the same content once its version 2 drafts are published and in force, each a
// production build of its own.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePublishedDrafts } from '../tests/harness/contentSets.ts';
import { build } from './build.ts';
import { log, work } from './shared.ts';

/** One page type measured, by its Swedish name in the report. */
export interface MeasuredPage {
  name: string;
  path: string;
}

/** The page types, in the report's row order; a build without a changes page has no row for it. */
export const PAGE_TYPES = [
  'Startsida',
  'Integritetspolicy',
  'Cookiepolicy',
  'Versionshistorik',
  'Ändringar (diff)',
  'Kontakt',
];

/** How each measured build is made. */
interface PagesSiteDefinition {
  /** What the build holds, for the report. */
  about: string;
  /** The day it is built for (`SITE_TODAY`). */
  day: string;
  /** Writes its content set into `dir` and returns it (`POLICIES_DIR`); none for the published content. */
  content?: (dir: string) => string;
}

/** The builds measured, by the name the report and `--sites` use. */
export const PAGES_SITES = {
  v1: {
    about:
      'the content as published, on its launch day: version 1 of both policies in force, the version 2 drafts left out',
    day: '2026-11-24',
  },
  v2: {
    about:
      'the same content once the company approves its drafts (as the `v2-filled` test site: every draft published, its placeholders filled in, `tests/harness/contentSets.ts`), on their date: version 2 of both policies in force, version 1 in the history',
    day: '2027-01-01',
    content: (dir) => writePublishedDrafts(dir),
  },
} as const satisfies Record<string, PagesSiteDefinition>;

export type PagesSiteName = keyof typeof PAGES_SITES;

export const isPagesSiteName = (name: string): name is PagesSiteName => Object.hasOwn(PAGES_SITES, name);

/** A measured build: its output folder and the pages to measure in it. */
export interface PagesSite {
  name: PagesSiteName;
  dist: string;
  pages: MeasuredPage[];
}

/**
 * Builds `name` into .bench/pages-<name> with no statistics or marketing tool configured,
 * and returns its output folder and its page types.
 */
export async function buildPagesSite(name: PagesSiteName): Promise<PagesSite> {
  const definition: PagesSiteDefinition = PAGES_SITES[name];
  const dir = join(work, `pages-${name}`);
  rmSync(dir, { recursive: true, force: true });
  const content = definition.content?.(join(dir, 'content'));
  const dist = join(dir, 'dist');
  log(`building ${name} for page measurements (${definition.day})…`);
  await build(
    {
      ...(content ? { POLICIES_DIR: content } : {}),
      SITE_TODAY: definition.day,
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(dir, 'cache'),
    },
    join(dir, 'build.log'),
  );
  const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>https:\/\/techtroopers\.com([^<]*)<\/loc>/g)].map((match) => match[1] ?? '');
  const [changes] = paths.filter((path) => /^\/integritetspolicy\/versioner\/[\d-]+\/andringar\/$/.test(path)).sort();
  const pages: MeasuredPage[] = [
    { name: 'Startsida', path: '/' },
    { name: 'Integritetspolicy', path: '/integritetspolicy/' },
    { name: 'Cookiepolicy', path: '/cookiepolicy/' },
    { name: 'Versionshistorik', path: '/integritetspolicy/versioner/' },
    ...(changes ? [{ name: 'Ändringar (diff)', path: changes }] : []),
    { name: 'Kontakt', path: '/kontakt/' },
  ];
  return { name, dist, pages };
}
