/**
 * The cookie declaration in force as a machine-readable document, published at
 * `/cookiepolicy/deklaration.json`. `npm run scan` reads it from the site it
 * scans, so a scan of a deployed site checks the declaration deployed with it.
 * Plain types and functions; the scan reads it with the schema in tools/cookie-scan.
 */
import {
  storageOf,
  type CategoryId,
  type CookieCategory,
  type DeclaredCookie,
  type StorageType,
} from './declaration.ts';
import type { ConsentSetup } from './setup.ts';
import { TOOLS, type ToolsConfig } from './toolCatalog.ts';
import { policyPath, versionPath } from '../paths.ts';

/** Where the document is published, on every site. */
export const DECLARATION_DOCUMENT_PATH = '/cookiepolicy/deklaration.json';

/** The document's format; raised only when a reader of an older format would misread it. */
export const DECLARATION_FORMAT = 1;

/** A declared entry with its storage type written out. */
export type DeclaredEntry = DeclaredCookie & { storage: StorageType };

/** A statistics or marketing tool the site is built with, and where it is served from. */
export interface DeclaredTool {
  id: keyof ToolsConfig;
  name: string;
  /** The category a visitor must accept before the tool may load. */
  category: CategoryId;
  /** Every origin the tool is loaded from: a request there comes from the tool. */
  origins: string[];
  /**
   * Where the tool's script and tracker are: where tools share an origin (a
   * first-party tagging server, local stand-ins), a request whose URL starts with
   * one of these is this tool's.
   */
  urls: string[];
}

/** A service outside the site that every visitor's browser may call, such as the consent log. */
export interface DeclaredEndpoint {
  name: string;
  url: string;
  category: CategoryId;
}

export interface DeclarationDocument {
  format: typeof DECLARATION_FORMAT;
  /** The cookie policy version in force: its label, effective date and addresses. */
  policy: { version: string; effective: string; url: string; permanentUrl: string };
  categories: CookieCategory[];
  entries: DeclaredEntry[];
  tools: DeclaredTool[];
  endpoints: DeclaredEndpoint[];
}

/** The consent log as the document names it. */
export const CONSENT_LOG_ENDPOINT = 'Samtyckeslogg';

/** Where a configured tool's script is served from. */
function toolUrls(tools: ToolsConfig): [keyof ToolsConfig, string][] {
  return [
    ...(tools.matomo ? [['matomo', tools.matomo.url] as [keyof ToolsConfig, string]] : []),
    ...(tools.gtm ? [['gtm', tools.gtm.scriptUrl] as [keyof ToolsConfig, string]] : []),
  ];
}

/**
 * The document for the version in force, from the banner's setup (the same
 * source as the banner and the policy's tables), with absolute URLs on `site`.
 */
export function toDeclarationDocument(setup: ConsentSetup, site: URL | string): DeclarationDocument {
  const absolute = (path: string) => new URL(path, site).href;
  return {
    format: DECLARATION_FORMAT,
    policy: {
      version: setup.policy.version,
      effective: setup.policy.effective,
      url: absolute(policyPath('cookiepolicy')),
      permanentUrl: absolute(versionPath('cookiepolicy', setup.policy.effective)),
    },
    categories: setup.categories,
    entries: setup.cookies.map(({ name, storage, ...rest }) => ({ name, storage: storageOf({ storage }), ...rest })),
    tools: toolUrls(setup.tools).map(([id, url]) => ({
      id,
      name: TOOLS[id].name,
      category: TOOLS[id].category,
      origins: [new URL(url).origin],
      urls: [url],
    })),
    endpoints: setup.consentLogUrl
      ? [{ name: CONSENT_LOG_ENDPOINT, url: setup.consentLogUrl, category: 'necessary' }]
      : [],
  };
}
