import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { formatSwedishDate, toUtcDate } from '../lib/dates';
import { changesPath, versionPath } from '../lib/paths';
import { getChangelog } from '../lib/policies';
import { POLICIES } from '../lib/policyCatalog';
import { site } from '../site.config';

/** One item per published version, linking to what changed (or, for a first version, to the version). */
export const GET: APIRoute = async (context) => {
  const changelog = await getChangelog();
  return rss({
    title: `${site.legalName}: ändringar i integritetspolicy och cookiepolicy`,
    description: 'Nya och kommande versioner av Tech Troopers integritetspolicy och cookiepolicy.',
    site: context.site ?? site.url,
    trailingSlash: true,
    customData: '<language>sv-se</language>',
    items: changelog.map(({ version, previous, status }) => {
      const title = POLICIES[version.policy].title;
      const when = formatSwedishDate(version.effective);
      return {
        title: `${title}, version ${version.version} (${status === 'upcoming' ? 'gäller från' : 'från'} ${when})`,
        link: previous
          ? changesPath(version.policy, version.effective)
          : versionPath(version.policy, version.effective),
        pubDate: toUtcDate(version.effective),
        description: [version.summary, ...version.changes].join(' '),
        categories: [title, ...(version.material ? ['Väsentlig ändring'] : [])],
      };
    }),
  });
};
