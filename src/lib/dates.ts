import { isIsoDate } from './isoDate.ts';

// In a module of its own, so that the script every page runs can have it without the rest.
export { ISO_DATE, isIsoDate } from './isoDate.ts';

const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The day a build is made for: `SITE_TODAY` when set (so builds and tests are
 * reproducible), otherwise the current calendar day in Stockholm.
 */
export function resolveToday(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const override = env['SITE_TODAY'];
  if (override !== undefined && override !== '') {
    if (!isIsoDate(override)) {
      throw new Error(`SITE_TODAY must be a real date written YYYY-MM-DD, got "${override}".`);
    }
    return override;
  }
  return stockholmDay(now);
}

/** The calendar day it is in Stockholm at `now`, YYYY-MM-DD. */
export function stockholmDay(now: Date = new Date()): string {
  return STOCKHOLM_DAY.format(now);
}

const SWEDISH_LONG = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "2026-11-24" → "24 november 2026". */
export function formatSwedishDate(isoDate: string): string {
  return SWEDISH_LONG.format(toUtcDate(isoDate));
}

/** Midnight UTC of a YYYY-MM-DD day, for feeds and sorting. */
export function toUtcDate(isoDate: string): Date {
  if (!isIsoDate(isoDate)) throw new Error(`Not a YYYY-MM-DD date: "${isoDate}"`);
  return new Date(`${isoDate}T00:00:00Z`);
}

/**
 * The day `months` months after a YYYY-MM-DD day: the same date in that month,
 * or its last day where the month is shorter (31 January + 1 month = 28 or 29
 * February), as periods in months are counted in EU law (Regulation 1182/71).
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  if (!isIsoDate(isoDate)) throw new Error(`Not a YYYY-MM-DD date: "${isoDate}"`);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
