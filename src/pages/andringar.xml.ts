import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems } from '../lib/feed.ts';
import { FEED_SIZE, getChangelog } from '../lib/policies.ts';
import { site } from '../site.config.ts';

/**
 * The changelog as RSS: one item per published version and one per
 * correction made after publication (see `feedItems`).
 */
export const GET: APIRoute = async (context) =>
  rss({
    title: `${site.legalName}: ändringar i integritetspolicy och cookiepolicy`,
    description: `Nya och kommande versioner av ${site.name} integritetspolicy och cookiepolicy, och rättelser.`,
    site: context.site ?? site.url,
    trailingSlash: true,
    customData: '<language>sv-se</language>',
    items: feedItems(await getChangelog(), context.site ?? site.url, FEED_SIZE),
  });
