/**
 * The named sites the browser tests run against, each a content set built for a
 * day with some tools configured. A site is built the first time a test asks for
 * it (./harness.ts) and then served for the rest of the run.
 */
import { generateVersions } from './generateVersions.ts';
import { FIXTURE_VERSIONS, PUBLISHED_CONTENT, writeFixtureContent, writePublishedDrafts } from './contentSets.ts';
import { CONSENT_LOG, RECEIVER, STANDINS } from './ports.ts';

export interface SiteDefinition {
  /** What the site holds, for a reader of a failing test. */
  about: string;
  /** Writes the content set into `dir` and returns the folder to build (`POLICIES_DIR`), or undefined for the published content. */
  content?: (dir: string) => string;
  /** The build's environment: the day it is built for and the tools it is configured with. */
  env: Record<string, string>;
  /** `build` serves a production build with `astro preview`; `dev` runs `astro dev`, where drafts are previewed. */
  mode: 'build' | 'dev';
}

/** Every tool configured, pointed at the local stand-ins and the real consent log. */
const TOOLS = {
  PUBLIC_MATOMO_URL: `${STANDINS}/matomo/`,
  PUBLIC_MATOMO_SITE_ID: '1',
  PUBLIC_GTM_ID: 'GTM-TEST123',
  PUBLIC_GTM_URL: `${STANDINS}/gtm.js`,
  PUBLIC_CONSENT_LOG_URL: `${CONSENT_LOG}/samtycke`,
};

export const SITES = {
  published: {
    about: 'the real content as published on launch day, 2026-11-24, with Matomo, Tag Manager and the consent log',
    env: { SITE_TODAY: '2026-11-24', ...TOOLS },
    mode: 'build',
  },
  'upcoming-version': {
    about: `the published content plus ${FIXTURE_VERSIONS}'s later, upcoming, corrected and draft versions, on 2027-03-01, no tools, requests posted to a receiver`,
    content: writeFixtureContent,
    env: { SITE_TODAY: '2027-03-01', PUBLIC_CONTACT_ENDPOINT: RECEIVER },
    mode: 'build',
  },
  'in-force-later': {
    about: 'the content of upcoming-version on 2027-07-01, when its upcoming versions have come into force',
    content: writeFixtureContent,
    env: { SITE_TODAY: '2027-07-01' },
    mode: 'build',
  },
  'v2-filled': {
    about:
      'the real content with its version 2 drafts published and their placeholders filled, on their date, every tool and channel configured',
    content: (dir) => writePublishedDrafts(dir),
    env: { SITE_TODAY: '2027-01-01', ...TOOLS, PUBLIC_CONTACT_ENDPOINT: RECEIVER },
    mode: 'build',
  },
  'eighty-versions': {
    about: 'eighty generated versions of each policy, up to 2026-11-24: enough for paged histories',
    content: (dir) => {
      generateVersions({ sourceDir: PUBLISHED_CONTENT, outDir: dir, count: 80, lastDate: '2026-11-24' });
      return dir;
    },
    env: { SITE_TODAY: '2026-11-24' },
    mode: 'build',
  },
  'drafts-preview': {
    about: 'the content of upcoming-version under `astro dev` on 2027-03-01, where drafts are previewed',
    content: writeFixtureContent,
    env: { SITE_TODAY: '2027-03-01' },
    mode: 'dev',
  },
} satisfies Record<string, SiteDefinition>;

export type SiteName = keyof typeof SITES;

export const isSiteName = (name: string): name is SiteName => Object.hasOwn(SITES, name);

/** The origins whose pages report to the consent log. */
export const CONSENT_LOG_SITES: SiteName[] = ['published', 'v2-filled'];
