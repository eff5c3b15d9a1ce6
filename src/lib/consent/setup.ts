import {
  CONSENT_COOKIE,
  type CategoryId,
  type CookieCategory,
  type CookieDeclaration,
  type DeclaredCookie,
} from './declaration.ts';
import type { BannerSettings } from './bannerConfig.ts';
import type { SignalCategories } from './consentMode.ts';
import { consentRevision, type ConsentChange } from './revision.ts';
import { TOOLS, type ToolsConfig } from './toolCatalog.ts';

/** How long the consent cookie is kept; its declaration says "6 månader". */
export const CONSENT_DAYS = 182;

/**
 * Everything the banner needs, prepared at build time from the cookie policy in
 * force and handed to the browser as JSON: one source for the banner, the
 * policy's tables and the clean-up on withdrawal.
 */
export interface ConsentSetup {
  /** Bumped whenever a version changes what consent is given to. */
  revision: number;
  cookieName: string;
  cookieDays: number;
  /** The cookie policy version in force, which consent refers to. */
  policy: { version: string; effective: string; url: string };
  /** Set when visitors are asked again: what changed, what kind of change it is, and where to read it. */
  revisionNote?: { summary: string; change: ConsentChange; changesUrl: string };
  /**
   * The versions consent under this revision can refer to, [label, effective]:
   * the one that began it and every one since, which asked nobody again.
   */
  revisionVersions: [version: string, effective: string][];
  categories: CookieCategory[];
  cookies: DeclaredCookie[];
  tools: ToolsConfig;
  /** The categories a configured tool runs under: withdrawing one reloads the page, so the tool is gone. */
  toolCategories: CategoryId[];
  /** Where each consent and change is reported, if anywhere. */
  consentLogUrl?: string;
}

/** Where the banner's texts are published (see bannerTexts.ts); `<hash>.json` follows. */
export const TEXTS_PATH = '/samtycke/texter/';

/** The hashes of the two layers' published texts (TEXTS_PATH + `<hash>.json`), in this order. */
export interface LayerHashes {
  banner: string;
  preferences: string;
}

/**
 * What every page carries for consent (as JSON): what the script on every page
 * needs to read the stored consent and start the tools, the banner's settings,
 * and the hashes of its texts, with and without Global Privacy Control. The
 * texts themselves are fetched only when the banner is shown.
 */
export interface PageConsent {
  revision: number;
  cookieName: string;
  /** The categories declared, with the names visitors see. */
  categories: Pick<CookieCategory, 'id' | 'title'>[];
  /** The cookie policy version in force, which consent refers to. */
  policy: { version: string; effective: string };
  /** The versions consent under this revision can refer to (see ConsentSetup). */
  versions: [version: string, effective: string][];
  tools: ToolsConfig;
  /** Which category grants each Google consent signal; the rest are always denied. */
  signals: SignalCategories;
  consentLogUrl?: string;
  /** The banner's settings, less its texts (for a browser without GPC: the banner drops what GPC refuses). */
  banner: BannerSettings;
  texts: { standard: LayerHashes; gpc: LayerHashes };
}

/** A cookie policy version as the banner needs to know it. */
export interface DeclaringVersion {
  version: string;
  effective: string;
  summary: string;
  url: string;
  /** The changes page, where the version has a predecessor. */
  changesUrl: string | undefined;
  /** Marked as changing visitors' rights: it asks everyone again. */
  material: boolean;
  declaration: CookieDeclaration;
}

/**
 * The banner's setup for the version in force, the last of `versions` (oldest
 * first, upcoming ones left out).
 */
export function buildConsentSetup(
  versions: readonly DeclaringVersion[],
  tools: ToolsConfig,
  consentLogUrl: string | undefined,
): ConsentSetup {
  const current = versions.at(-1);
  if (!current) throw new Error('The cookie policy has no version in force.');
  const { revision, since, change } = consentRevision(versions);
  return {
    revision,
    cookieName: CONSENT_COOKIE,
    cookieDays: CONSENT_DAYS,
    policy: { version: current.version, effective: current.effective, url: current.url },
    ...(change && since.changesUrl
      ? { revisionNote: { summary: since.summary, change, changesUrl: since.changesUrl } }
      : {}),
    revisionVersions: versions.slice(versions.indexOf(since)).map(({ version, effective }) => [version, effective]),
    categories: current.declaration.categories,
    cookies: current.declaration.cookies,
    tools,
    toolCategories: [...new Set((Object.keys(tools) as (keyof ToolsConfig)[]).map((key) => TOOLS[key].category))],
    ...(consentLogUrl ? { consentLogUrl } : {}),
  };
}
