/**
 * The changelog's RSS feed: its items, worked out from the changelog so that
 * the route only hands them to `@astrojs/rss`.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { formatSwedishDate, toUtcDate } from './dates.ts';
import { changesPath, versionPath } from './paths.ts';
import { POLICIES } from './policyCatalog.ts';
import type { Correction } from './publication/record.ts';
import type { TimelineItem, VersionLike } from './versions.ts';

/** What the feed reads of a version; pages carry more. */
export interface FeedVersion extends VersionLike {
  version: string;
  summary: string;
  changes: string[];
  material: boolean;
  corrections: Correction[];
}

/**
 * One item per version, linking to what changed (or, for a first version, to
 * the version), and one per correction made after publication; newest first,
 * corrections among the versions by their day, the latest `size` only.
 * @param changelog every version of both policies
 * @param site the site's address, for the corrections' own identities
 */
export function feedItems(
  changelog: readonly TimelineItem<FeedVersion>[],
  site: URL | string,
  size: number,
): RSSFeedItem[] {
  const items: RSSFeedItem[] = changelog.flatMap(({ version, previous, status }) => {
    const title = POLICIES[version.policy].title;
    const when = formatSwedishDate(version.effective);
    const page = versionPath(version.policy, version.effective);
    return [
      {
        title: `${title}, version ${version.version} (${status === 'upcoming' ? 'gäller från' : 'från'} ${when})`,
        link: previous ? changesPath(version.policy, version.effective) : page,
        pubDate: toUtcDate(version.effective),
        description: [version.summary, ...version.changes].join(' '),
        categories: [title, ...(version.material ? ['Väsentlig ändring'] : [])],
      },
      ...version.corrections.map((correction, index) => ({
        title: `${title}, version ${version.version} rättad (${formatSwedishDate(correction.date)})`,
        link: page,
        // Several corrections can share a page: each keeps its own identity.
        customData: `<guid isPermaLink="false">${new URL(page, site).href}#rattelse-${index + 1}</guid>`,
        pubDate: toUtcDate(correction.date),
        description: `Rättad den ${formatSwedishDate(correction.date)}: ${correction.note}`,
        categories: [title, 'Rättelse'],
      })),
    ];
  });
  return items.sort((a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0)).slice(0, size);
}
