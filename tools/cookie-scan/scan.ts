// One scan of one site: read its declaration and sitemap, drive every consent
// state in Chromium, compare.
import { scanStates, statesFor } from './browser/states.ts';
import { compare } from './compare.ts';
import { ScanInputError } from './errors.ts';
import { readDeclaration, readSitemap } from './site.ts';
import type { DeclarationDocument, ScanResult, Snapshot, StateDef } from './types.ts';

/**
 * The origin of a URL given on the command line, refused if it is not http(s).
 */
export function originOf(url: string): string {
  let parsed: URL;
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
 * Scans the site at `url` in every consent state, or in those `states` names.
 */
export async function scanSite({
  url,
  workers,
  states: only,
  log = () => {},
  onPage,
}: {
  url: string;
  /** States scanned at once. */
  workers?: number;
  /** The ids of the states to scan (such as `none`, `only-statistics`); every state if not given. */
  states?: readonly string[];
  log?: (message: string) => void;
  /** Called with every page read, as it is read. */
  onPage?: (state: StateDef, snapshot: Snapshot, declaration: DeclarationDocument) => void;
}): Promise<ScanResult> {
  const origin = originOf(url);
  const startedAt = new Date();
  const declaration = await readDeclaration(origin);
  const pages = await readSitemap(origin);
  const stateIds = statesFor(declaration).map((state) => state.id);
  const unknown = only?.filter((id) => !stateIds.includes(id)) ?? [];
  if (unknown.length > 0) {
    throw new ScanInputError(
      `No consent state "${unknown.join('", "')}" for this site: its states are ${stateIds.join(', ')}.`,
    );
  }
  log(
    `${origin}: cookie policy version ${declaration.policy.version} (${declaration.policy.effective}), ` +
      `${declaration.entries.length} declared entries, ${pages.length} pages`,
  );
  const { browser, states } = await scanStates({
    origin,
    paths: pages,
    declaration,
    ...(workers ? { workers } : {}),
    ...(only ? { only } : {}),
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
    stateIds,
    findings: compare({ declaration, origin, states, everyState: states.length === stateIds.length }),
  };
}
