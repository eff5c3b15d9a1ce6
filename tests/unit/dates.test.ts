import { describe, expect, it } from 'vitest';
import { formatSwedishDate, isIsoDate, resolveToday, toUtcDate } from '../../src/lib/dates';

describe('isIsoDate', () => {
  it.each(['2026-11-24', '2028-02-29', '2026-01-01'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });
  it.each(['2026-02-29', '2026-13-01', '2026-11-31', '26-11-24', '2026-1-24', '2026-11-24T00:00', '', 20261124, null])(
    'refuses %s',
    (value) => {
      expect(isIsoDate(value)).toBe(false);
    },
  );
});

describe('resolveToday', () => {
  it('uses SITE_TODAY when set', () => {
    expect(resolveToday({ SITE_TODAY: '2027-03-01' })).toBe('2027-03-01');
  });

  it('refuses a malformed SITE_TODAY', () => {
    expect(() => resolveToday({ SITE_TODAY: '1 mars 2027' })).toThrow(
      /SITE_TODAY must be a real date written YYYY-MM-DD/,
    );
  });

  it('otherwise takes the calendar day in Stockholm, not in UTC', () => {
    // 23:30 UTC on 24 November is already 25 November in Stockholm (UTC+1).
    expect(resolveToday({}, new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    // 21:30 UTC on 30 June is 23:30 in Stockholm (UTC+2, summer time).
    expect(resolveToday({}, new Date('2027-06-30T21:30:00Z'))).toBe('2027-06-30');
    expect(resolveToday({}, new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });
});

describe('formatSwedishDate', () => {
  it('writes the date the Swedish way', () => {
    expect(formatSwedishDate('2026-11-24')).toBe('24 november 2026');
    expect(formatSwedishDate('2027-01-05')).toBe('5 januari 2027');
  });

  it('refuses what is not a date', () => {
    expect(() => formatSwedishDate('2026-02-30')).toThrow(/Not a YYYY-MM-DD date/);
  });
});

describe('toUtcDate', () => {
  it('is midnight UTC of the day', () => {
    expect(toUtcDate('2026-11-24').toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => toUtcDate('2026-02-30')).toThrow(/Not a YYYY-MM-DD date/);
  });
});
