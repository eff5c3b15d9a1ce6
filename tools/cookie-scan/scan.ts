// @ts-check
// One scan of one site: read its declaration and sitemap, drive every consent
// state in Chromium, compare.
import { scanStates } from './browser.mjs';
import { compare } from './compare.mjs';
import { ScanInputError } from './errors.mjs';
import { readDeclaration, readSitemap } from './site.mjs';

/** @typedef {import('./types.ts').ScanResult} ScanResult */
/** @typedef {import('./types.ts').StateDef} StateDef */
/** @typedef {import('./types.ts').Snapshot} Snapshot */
/** @typedef {import('./types.ts').DeclarationDocument} DeclarationDocument */

/**
 * The origin of a URL given on the command line, refused if it is not http(s).
 * @param {string} url
 */
export function originOf(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new ScanInputError(`"${url}" is not a URL: give the site's address, such as https://techtroopers.com.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ScanInputError(`"${url}" is not an http(s) address.`);
  }
  return parsed.origin;
}

/**
 * Scans the site at `url` in every consent state.
 * @param {{
 *   url: string;
 *   workers?: number;
 *   log?: (message: string) => void;
 *   onPage?: (state: StateDef, snapshot: Snapshot, declaration: DeclarationDocument) => void;
 * }} options
 * @returns {Promise<ScanResult>}
 */
export async function scanSite({ url, workers, log = () => {}, onPage }) {
  const origin = originOf(url);
  const startedAt = new Date();
  const declaration = await readDeclaration(origin);
  const pages = await readSitemap(origin);
  log(
    `${origin}: cookie policy version ${declaration.policy.version} (${declaration.policy.effective}), ` +
      `${declaration.entries.length} declared entries, ${pages.length} pages`,
  );
  const { browser, states } = await scanStates({
    origin,
    paths: pages,
    declaration,
    ...(workers ? { workers } : {}),
    ...(onPage ? { onPage: (state, snapshot) => onPage(state, snapshot, declaration) } : {}),
  });
  return {
    url,
    origin,
    startedAt: startedAt.toISOString(),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    browser,
    declaration,
    pages,
    states,
    findings: compare({ declaration, origin, states }),
  };
}
