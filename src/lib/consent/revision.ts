import type { CookieDeclaration } from './declaration.ts';

/**
 * What consent is given to: the categories offered and, for every cookie, who
 * sets it, in which category, for what and for how long (consent must be
 * specific and informed, EDPB Guidelines 05/2020). The categories' titles and
 * descriptions are wording; changing them asks nobody again.
 */
export function declarationFingerprint({ categories, cookies }: CookieDeclaration): string {
  return JSON.stringify({
    categories: categories.map((category) => category.id).sort(),
    cookies: cookies
      .map((cookie) =>
        [cookie.name, cookie.category, cookie.provider, cookie.party, cookie.purpose, cookie.duration].join('|'),
      )
      .sort(),
  });
}

export interface ConsentRevision<T> {
  /** 1 for the first version, one more for every version that asks visitors again. */
  revision: number;
  /** The version that last asked again: the one whose changes the banner names. */
  since: T;
}

/**
 * The consent revision of the last of `versions` (oldest first, ending with the
 * version in force). A version asks visitors again when it changes what consent
 * is given to, or when it is marked material. Visitors whose consent has
 * another revision are asked again.
 */
export function consentRevision<T extends { declaration: CookieDeclaration; material: boolean }>(
  versions: readonly T[],
): ConsentRevision<T> {
  const first = versions[0];
  if (!first) throw new Error('consentRevision needs at least one version');
  let revision = 1;
  let since = first;
  let fingerprint = declarationFingerprint(first.declaration);
  for (const version of versions.slice(1)) {
    const next = declarationFingerprint(version.declaration);
    if (next !== fingerprint || version.material) {
      revision++;
      since = version;
      fingerprint = next;
    }
  }
  return { revision, since };
}
