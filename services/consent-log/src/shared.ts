/**
 * The few facts the service shares with the site, copied here so that the service
 * stands on its own files (its container holds nothing else). A unit test
 * (tests/unit/consent-log/shared.test.ts) holds them equal to the site's, so they
 * cannot drift apart.
 */

/** The consent categories, as src/lib/consent/categories.ts names them. */
export const CATEGORY_IDS = ['necessary', 'statistics', 'marketing'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** The site's production origin, as src/site.config.ts has it. */
export const SITE_URL = 'https://techtroopers.com';

/** True when `value` is a YYYY-MM-DD string naming a real calendar day (as src/lib/isoDate.ts decides). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
