import { describe, expect, it } from 'vitest';
import { longestMonths, parseDuration } from '../../tools/cookie-scan/declaration/duration';

const DAY = 86400;

describe('parseDuration', () => {
  it.each([
    ['30 minuter', 30 * 60],
    ['1 minut', 60],
    ['1 timme', 3600],
    ['24 timmar', 24 * 3600],
    ['1 dag', DAY],
    ['7 dagar', 7 * DAY],
    ['1 dygn', DAY],
    ['1 vecka', 7 * DAY],
    ['2 veckor', 14 * DAY],
    ['45 sekunder', 45],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ session: false, seconds });
  });

  it('reads months and years as the longest the calendar makes them', () => {
    expect(parseDuration('1 månad')).toEqual({ session: false, seconds: 31 * DAY });
    expect(parseDuration('3 månader')).toEqual({ session: false, seconds: 92 * DAY });
    // July to December: a consent cookie kept 182 days keeps a promise of six months.
    expect(parseDuration('6 månader')).toEqual({ session: false, seconds: 184 * DAY });
    expect(parseDuration('13 månader')).toEqual({ session: false, seconds: 397 * DAY });
    expect(parseDuration('1 år')).toEqual({ session: false, seconds: 366 * DAY });
    expect(parseDuration('2 år')).toEqual({ session: false, seconds: 731 * DAY });
    expect(longestMonths(12)).toBe(366 * DAY);
  });

  it('reads number words, decimal commas, combinations and "upp till"', () => {
    expect(parseDuration('ett år')).toEqual({ session: false, seconds: 366 * DAY });
    expect(parseDuration('en månad')).toEqual({ session: false, seconds: 31 * DAY });
    expect(parseDuration('tre dagar')).toEqual({ session: false, seconds: 3 * DAY });
    expect(parseDuration('1,5 timmar')).toEqual({ session: false, seconds: 5400 });
    expect(parseDuration('1 år och 6 månader')).toEqual({ session: false, seconds: (366 + 184) * DAY });
    expect(parseDuration('1 timme, 30 minuter')).toEqual({ session: false, seconds: 5400 });
    expect(parseDuration('Upp till 24 timmar.')).toEqual({ session: false, seconds: DAY });
    expect(parseDuration('  13   Månader ')).toEqual({ session: false, seconds: 397 * DAY });
  });

  it.each(['sessionen', 'Sessionen.', 'Session', 'Tills du stänger webbläsaren', 'tills webbläsaren stängs'])(
    'reads %j as the session',
    (text) => {
      expect(parseDuration(text)).toEqual({ session: true });
    },
  );

  it.each(['', 'för evigt', '13 mån', 'månader', '0 dagar', 'tills vidare', '-3 dagar'])(
    'does not pretend to read %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});
