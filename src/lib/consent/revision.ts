import type { CookieDeclaration } from './declaration.ts';

/**
 * What consent is given to: the categories offered and, for every cookie, who
 * sets it and in which category. Titles, descriptions, purposes and durations
 * are wording; changing them asks nobody again.
 */
export function declarationFingerprint({ categories, cookies }: CookieDeclaration): string {
  return JSON.stringify({
    categories: categories.map((category) => category.id).sort(),
    cookies: cookies.map((cookie) => [cookie.name, cookie.category, cookie.provider, cookie.party].join('|')).sort(),
  });
}

export interface ConsentRevision<T> {
  /** 1 for the first declaration, one more for every version that changed what consent is given to. */
  revision: number;
  /** The version whose declaration is in force: the one that last changed it. */
  since: T;
}

/**
 * The consent revision of the last of `versions` (oldest first, ending with the
 * version in force). Visitors whose consent has another revision are asked again.
 */
export function consentRevision<T extends { declaration: CookieDeclaration }>(
  versions: readonly T[],
): ConsentRevision<T> {
  const first = versions[0];
  if (!first) throw new Error('consentRevision needs at least one version');
  let revision = 1;
  let since = first;
  let fingerprint = declarationFingerprint(first.declaration);
  for (const version of versions.slice(1)) {
    const next = declarationFingerprint(version.declaration);
    if (next !== fingerprint) {
      revision++;
      since = version;
      fingerprint = next;
    }
  }
  return { revision, since };
}
