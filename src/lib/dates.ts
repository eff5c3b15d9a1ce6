/** Matches an ISO calendar date, YYYY-MM-DD. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a YYYY-MM-DD string naming a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

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
