import { httpUrl } from '../httpUrl.ts';
import { findDeclared, type CategoryId, type CookieDeclaration } from './declaration.ts';

/** Matomo, for statistics, served from the company's own Matomo. */
export interface MatomoConfig {
  /** Base URL of the Matomo installation, ending in a slash. */
  url: string;
  siteId: string;
}

/** Google Tag Manager, for marketing. */
export interface GtmConfig {
  /** Container id, GTM-XXXXXXX. */
  id: string;
  /** Where gtm.js is served from: Google, or a first-party tagging server. */
  scriptUrl: string;
}

export interface ToolsConfig {
  matomo?: MatomoConfig;
  gtm?: GtmConfig;
}

interface ToolInfo {
  name: string;
  category: CategoryId;
  /** The cookies the tool sets, as the cookie policy must declare them. */
  cookies: string[];
}

/** What each tool sets, and under which category the visitor must have agreed to it. */
export const TOOLS: Readonly<Record<keyof ToolsConfig, ToolInfo>> = {
  matomo: { name: 'Matomo', category: 'statistics', cookies: ['_pk_id.*', '_pk_ses.*', '_pk_ref.*'] },
  gtm: { name: 'Google Tag Manager', category: 'marketing', cookies: ['_gcl_au'] },
};

const GTM_DEFAULT_SERVER = 'https://www.googletagmanager.com/gtm.js';

/**
 * The tools configured by environment variables. Unset variables leave the tool
 * out of the pages entirely; half a configuration is an error, not a silent skip.
 */
export function readToolsConfig(env: Record<string, string | undefined>): ToolsConfig {
  const tools: ToolsConfig = {};
  const matomoUrl = env['PUBLIC_MATOMO_URL'] || undefined;
  const matomoSite = env['PUBLIC_MATOMO_SITE_ID'] || undefined;
  if (matomoUrl || matomoSite) {
    if (!matomoUrl || !matomoSite) {
      throw new Error('Set both PUBLIC_MATOMO_URL and PUBLIC_MATOMO_SITE_ID to use Matomo, or neither.');
    }
    if (!/^\d+$/.test(matomoSite)) throw new Error(`PUBLIC_MATOMO_SITE_ID must be a number, got "${matomoSite}".`);
    const url = httpUrl('PUBLIC_MATOMO_URL', matomoUrl);
    tools.matomo = { url: url.href.endsWith('/') ? url.href : `${url.href}/`, siteId: matomoSite };
  }
  const gtmId = env['PUBLIC_GTM_ID'] || undefined;
  if (gtmId) {
    if (!/^GTM-[A-Z0-9]+$/.test(gtmId)) throw new Error(`PUBLIC_GTM_ID must look like GTM-XXXXXXX, got "${gtmId}".`);
    tools.gtm = { id: gtmId, scriptUrl: httpUrl('PUBLIC_GTM_URL', env['PUBLIC_GTM_URL'] || GTM_DEFAULT_SERVER).href };
  } else if (env['PUBLIC_GTM_URL']) {
    throw new Error('PUBLIC_GTM_URL is set without PUBLIC_GTM_ID.');
  }
  return tools;
}

/**
 * Every cookie a configured tool sets that the declaration does not cover in
 * the tool's category, as a message naming the cookie.
 */
export function undeclaredToolCookies(tools: ToolsConfig, declaration: CookieDeclaration): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(tools) as (keyof ToolsConfig)[]) {
    const tool = TOOLS[key];
    for (const cookie of tool.cookies) {
      const declared = findDeclared(declaration, cookie);
      if (!declared) {
        problems.push(`${tool.name} sets the cookie "${cookie}", which the cookie policy in force does not declare.`);
      } else if (declared.category !== tool.category) {
        problems.push(
          `${tool.name} sets the cookie "${cookie}" for ${tool.category}, but the cookie policy in force declares it as ${declared.category}.`,
        );
      }
    }
  }
  return problems;
}

/** The origins a configured tool loads from: for the content security policy. */
export function toolOrigins(tools: ToolsConfig): string[] {
  return [tools.matomo?.url, tools.gtm?.scriptUrl]
    .filter((url): url is string => !!url)
    .map((url) => new URL(url).origin);
}
