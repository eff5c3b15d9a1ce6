import { storageOf, type CookieDeclaration } from './declaration.ts';

/**
 * What the visitor consents to for each stored entry: where it is stored, its
 * name, category, who sets it, for what and for how long.
 */
const entriesFingerprint = ({ cookies }: CookieDeclaration): string[] =>
  cookies
    .map((cookie) =>
      [
        storageOf(cookie),
        cookie.name,
        cookie.category,
        cookie.provider,
        cookie.party,
        cookie.purpose,
        cookie.duration,
      ].join('|'),
    )
    .sort();

/**
 * The purposes the visitor consents to: the categories offered, each with the
 * description shown (the purpose as the visitor read it) and the Google consent
 * signals it grants. A category's title is its name, not its purpose.
 */
const purposesFingerprint = ({ categories }: CookieDeclaration): string[] =>
  categories
    .map((category) =>
      [category.id, category.description, [...(category.consentSignals ?? [])].sort().join(',')].join('|'),
    )
    .sort();

/**
 * What consent is given to: the purposes offered and, for every cookie or other
 * stored entry, who sets it, where, in which category, for what and for how long
 * (consent must be specific and informed, EDPB Guidelines 05/2020). Changing any
 * of them asks visitors again; a category's title and the policy's own text do not.
 */
export function declarationFingerprint(declaration: CookieDeclaration): string {
  return JSON.stringify({ purposes: purposesFingerprint(declaration), entries: entriesFingerprint(declaration) });
}

/**
 * Why a version asked visitors again, for the banner to say truthfully:
 * `storage`, it changed the cookies or other stored entries; `purposes`, only the
 * purposes (a category's description or Google signals, or the categories
 * offered); `text`, neither: it is marked material for what its text says.
 */
export type ConsentChange = 'storage' | 'purposes' | 'text';

/** What changed from `before` to `after` that asks visitors again, if anything. */
export function consentChange(
  before: CookieDeclaration,
  after: CookieDeclaration,
  material: boolean,
): ConsentChange | undefined {
  const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(entriesFingerprint(before), entriesFingerprint(after))) return 'storage';
  if (!same(purposesFingerprint(before), purposesFingerprint(after))) return 'purposes';
  return material ? 'text' : undefined;
}

export interface ConsentRevision<T> {
  /** 1 for the first version, one more for every version that asks visitors again. */
  revision: number;
  /** The version that last asked again: the one whose changes the banner names. */
  since: T;
  /** What `since` changed; undefined while the first version's consent holds. */
  change?: ConsentChange | undefined;
}

/**
 * The consent revision of the last of `versions` (oldest first, ending with the
 * version in force). A version asks visitors again when it changes what consent
 * is given to (see declarationFingerprint) from the version before it, or when it
 * is marked material. Visitors whose consent has
 * another revision are asked again.
 */
export function consentRevision<T extends { declaration: CookieDeclaration; material: boolean }>(
  versions: readonly T[],
): ConsentRevision<T> {
  const first = versions[0];
  if (!first) throw new Error('consentRevision needs at least one version');
  let revision = 1;
  let since = first;
  let change: ConsentChange | undefined;
  let previous = first;
  for (const version of versions.slice(1)) {
    const changed = consentChange(previous.declaration, version.declaration, version.material);
    if (changed) {
      revision++;
      since = version;
      change = changed;
    }
    previous = version;
  }
  return change ? { revision, since, change } : { revision, since };
}
