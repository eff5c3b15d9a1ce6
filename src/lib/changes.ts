/**
 * What a version's changes page shows: its text compared with the version
 * before it and, where both carry them, their cookie declarations and
 * processing registers side by side. Pure, so that the page only renders.
 */
import type { CookieDeclaration } from './consent/declaration.ts';
import type { ProcessingEntry } from './privacy/register.ts';
import { diffTextBlocks, toTextBlocks, type TextDiff } from './textDiff.ts';
import type { TimelineItem, VersionLike, VersionStatus } from './versions.ts';

/** What the comparison reads of a version; pages carry more. */
export interface ComparedVersion extends VersionLike {
  entry: { body?: string | undefined };
  categories?: CookieDeclaration['categories'] | undefined;
  cookies?: CookieDeclaration['cookies'] | undefined;
  processing?: ProcessingEntry[] | undefined;
}

/** Two things of one kind, the earlier version's and this one's. */
export interface Pair<T> {
  before: T;
  after: T;
}

export interface ChangesPageData<V extends ComparedVersion> {
  version: V;
  /** The version this one replaced: what it is compared with. */
  previous: V;
  status: VersionStatus;
  diff: TextDiff;
  /** How many headings and paragraphs were added, removed or changed. */
  changedBlocks: number;
  /** The sentence that sums the text's changes up, for the legend. */
  summary: string;
  /** Both declarations, where both versions declare their cookies (the cookie policy). */
  declarations: Pair<CookieDeclaration> | undefined;
  /** Both registers, where either version has one (the privacy policy); a missing one is empty. */
  registers: Pair<ProcessingEntry[]> | undefined;
}

/**
 * The changes page of `item`, a version with a predecessor (only those get one).
 * @throws when `item` has no version before it
 */
export function getChangesPageData<V extends ComparedVersion>(item: TimelineItem<V>): ChangesPageData<V> {
  const { version, previous, status } = item;
  if (previous === undefined) {
    throw new Error(`${version.source}: the first version of a policy has no changes page.`);
  }
  const diff = diffTextBlocks(toTextBlocks(previous.entry.body ?? ''), toTextBlocks(version.entry.body ?? ''));
  return {
    version,
    previous,
    status,
    diff,
    changedBlocks: countChangedBlocks(diff),
    summary: summarizeDiff(diff),
    declarations: declarationPair(previous, version),
    registers:
      previous.processing || version.processing
        ? { before: previous.processing ?? [], after: version.processing ?? [] }
        : undefined,
  };
}

/** Declarations are compared only where both versions declare categories and cookies. */
function declarationPair(previous: ComparedVersion, version: ComparedVersion): Pair<CookieDeclaration> | undefined {
  return previous.categories && previous.cookies && version.categories && version.cookies
    ? {
        before: { categories: previous.categories, cookies: previous.cookies },
        after: { categories: version.categories, cookies: version.cookies },
      }
    : undefined;
}

/** Headings and paragraphs added, removed or changed: what the page numbers and links to. */
export function countChangedBlocks(diff: TextDiff): number {
  return diff.blocks.filter((block) => block.change !== 'same').length;
}

/** One sentence, in Swedish, on how much of the text changed. */
export function summarizeDiff(diff: TextDiff): string {
  const changedBlocks = countChangedBlocks(diff);
  return changedBlocks === 0
    ? 'Texten är oförändrad; ändringen gäller bara versionens uppgifter.'
    : `${changedBlocks} ${changedBlocks === 1 ? 'stycke har' : 'stycken har'} ändrats: ${diff.addedWords} ord har lagts till och ${diff.removedWords} ord har tagits bort.`;
}
