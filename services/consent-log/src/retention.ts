/** The retention floor, and months counted as calendar months. */

/** The retention the README derives: a consent lasts 6 months, the cookies it allows up to 13 more. */
export const RETENTION_FLOOR_MONTHS = 19;

/** The instant `months` calendar months before `now`, on the same day of the month where it exists. */
export function monthsBefore(now: Date, months: number): Date {
  const then = new Date(now);
  then.setUTCDate(1);
  then.setUTCMonth(then.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(then.getUTCFullYear(), then.getUTCMonth() + 1, 0)).getUTCDate();
  then.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return then;
}
