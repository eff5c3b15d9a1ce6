import rss, { type RSSFeedItem } from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { formatSwedishDate, toUtcDate } from '../lib/dates';
import { changesPath, versionPath } from '../lib/paths';
import { FEED_SIZE, getChangelog } from '../lib/policies';
import { POLICIES } from '../lib/policyCatalog';
import { site } from '../site.config';

/**
 * One item per published version, linking to what changed (or, for a first
 * version, to the version), and one per correction made after publication.
 */
export const GET: APIRoute = async (context) => {
  const changelog = await getChangelog();
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
        customData: `<guid isPermaLink="false">${new URL(page, context.site ?? site.url).href}#rattelse-${index + 1}</guid>`,
        pubDate: toUtcDate(correction.date),
        description: `Rättad den ${formatSwedishDate(correction.date)}: ${correction.note}`,
        categories: [title, 'Rättelse'],
      })),
    ];
  });
  return rss({
    title: `${site.legalName}: ändringar i integritetspolicy och cookiepolicy`,
    description: `Nya och kommande versioner av ${site.name} integritetspolicy och cookiepolicy, och rättelser.`,
    site: context.site ?? site.url,
    trailingSlash: true,
    customData: '<language>sv-se</language>',
    // Newest first, corrections among the versions by their day; the latest only.
    items: items.sort((a, b) => (b.pubDate?.getTime() ?? 0) - (a.pubDate?.getTime() ?? 0)).slice(0, FEED_SIZE),
  });
};
