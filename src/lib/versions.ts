import type { PolicyId } from './policyCatalog.ts';

/** What the version logic needs to know of a version; pages carry more. */
export interface VersionLike {
  policy: PolicyId;
  /** YYYY-MM-DD; the version's identity within its policy. */
  effective: string;
  draft: boolean;
  /** The source file, relative to the project root, named in error messages. */
  source: string;
}

/** A version in force today, one that will be, or one that was. */
export type VersionStatus = 'current' | 'upcoming' | 'previous';

export interface TimelineItem<T extends VersionLike> {
  version: T;
  status: VersionStatus;
  /** The version this one replaces, if any: the one its changes are measured against. */
  previous: T | undefined;
  /** The version that replaces this one, if any: the day it takes over ends this one. */
  next: T | undefined;
}

export interface Timeline<T extends VersionLike> {
  policy: PolicyId;
  /** Every published version, newest first. */
  items: TimelineItem<T>[];
  /** The version in force. */
  current: TimelineItem<T>;
  /** Versions announced but not yet in force, soonest first. */
  upcoming: TimelineItem<T>[];
}

/** Oldest first; equal dates keep their input order. */
export function byEffectiveDate<T extends VersionLike>(a: T, b: T): number {
  return a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0;
}

/**
 * Refuses two versions of one policy on the same date, naming both files.
 * Drafts count too: a draft that collides would collide when published.
 */
export function assertUniqueDates(versions: readonly VersionLike[]): void {
  const seen = new Map<string, VersionLike>();
  for (const version of versions) {
    const key = `${version.policy}/${version.effective}`;
    const earlier = seen.get(key);
    if (earlier) {
      throw new Error(
        `${version.source}: "effective" ${version.effective} is already the date of ${earlier.source}. ` +
          `A policy can have only one version per date; change the date of one of them.`,
      );
    }
    seen.set(key, version);
  }
}

/** The versions a build publishes: drafts only where `includeDrafts` (astro dev). */
export function publishedVersions<T extends VersionLike>(versions: readonly T[], includeDrafts: boolean): T[] {
  return versions.filter((version) => includeDrafts || !version.draft);
}

/**
 * Orders one policy's versions and says which is in force on `today`: the
 * latest one dated on or before it. Later ones are upcoming, earlier ones previous.
 */
export function buildTimeline<T extends VersionLike>(
  policy: PolicyId,
  versions: readonly T[],
  today: string,
): Timeline<T> {
  const own = versions.filter((version) => version.policy === policy);
  assertUniqueDates(own);
  const ascending = [...own].sort(byEffectiveDate);
  const currentIndex = ascending.findLastIndex((version) => version.effective <= today);
  if (currentIndex === -1) {
    const first = ascending[0];
    throw new Error(
      first
        ? `${policy} has no version in force on ${today}: its earliest version, ${first.source}, takes effect ${first.effective}.`
        : `${policy} has no versions: add one under src/content/policies/${policy}/.`,
    );
  }
  const ascendingItems = ascending.map((version, index): TimelineItem<T> => ({
    version,
    status: index === currentIndex ? 'current' : index > currentIndex ? 'upcoming' : 'previous',
    previous: ascending[index - 1],
    next: ascending[index + 1],
  }));
  return {
    policy,
    items: [...ascendingItems].reverse(),
    current: ascendingItems[currentIndex] as TimelineItem<T>,
    upcoming: ascendingItems.slice(currentIndex + 1),
  };
}
