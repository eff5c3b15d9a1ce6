import { describe, expect, it } from 'vitest';
import { validatePersonnummer } from '../../src/lib/requests/personnummer';

const TODAY = '2026-11-24';

const FORMAT_ERROR = 'Skriv personnumret med 10 eller 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.';
const DATE_ERROR = 'Personnumret innehåller inget giltigt datum.';
const FUTURE_ERROR = 'Födelsedatumet i personnumret ligger i framtiden.';
const CHECK_ERROR = 'Kontrollsiffran stämmer inte. Kontrollera personnumret.';
const EMPTY_ERROR = 'Fyll i ditt personnummer.';

/**
 * Independent Luhn over the nine digits YYMMDDNNN, written differently from the module
 * (doubling every other digit and summing the digits of each product as a string).
 */
function luhn(nine: string): number {
  const sum = [...nine]
    .map((c, i) => String(Number(c) * (i % 2 === 0 ? 2 : 1)))
    .join('')
    .split('')
    .reduce((acc, c) => acc + Number(c), 0);
  return (10 - (sum % 10)) % 10;
}

describe('test helper luhn', () => {
  it('agrees with check digits worked out by hand', () => {
    // 8 1 1 2 1 8 9 8 7 × 2 1 2 1 2 1 2 1 2 → 16 1 2 2 2 8 18 8 14 → 7+1+2+2+2+8+9+8+5 = 44 → 6
    expect(luhn('811218987')).toBe(6);
    // 7 0 1 0 6 3 2 3 9 × 2 1 2 1 2 1 2 1 2 → 14 0 2 0 12 3 4 3 18 → 5+0+2+0+3+3+4+3+9 = 29 → 1
    expect(luhn('701063239')).toBe(1);
    // 0 0 0 2 2 9 1 2 3 → 0 0 0 2 4 9 2 2 6 = 25 → 5
    expect(luhn('000229123')).toBe(5);
    // 9 9 0 1 0 1 1 2 3 → 18 9 0 1 0 1 2 2 6 → 9+9+0+1+0+1+2+2+6 = 30 → 0
    expect(luhn('990101123')).toBe(0);
  });
});

/** Every vector below that is meant to pass the check digit does, by the independent helper. */
function withCheck(nine: string): string {
  return `${nine}${luhn(nine)}`;
}

describe('validatePersonnummer: valid personnummer', () => {
  it.each([
    ['19811218-9876', '19811218-9876'],
    ['198112189876', '19811218-9876'],
    ['811218-9876', '19811218-9876'],
    ['8112189876', '19811218-9876'],
    ['  811218-9876\t', '19811218-9876'],
    ['\u00a019811218-9876\n', '19811218-9876'],
  ])('accepts %j as %s', (input, normalized) => {
    expect(validatePersonnummer(input, TODAY)).toEqual({ ok: true, kind: 'personnummer', normalized });
  });

  it("ignores '+' on a 12-digit number and normalises it with '-'", () => {
    expect(validatePersonnummer('19811218+9876', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19811218-9876',
    });
  });

  it('accepts a birth date that is today', () => {
    // 261124-123 → 9 (by the helper)
    const tenDigits = withCheck('261124123');
    expect(tenDigits).toBe('2611241239');
    expect(validatePersonnummer(`20${tenDigits}`, TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20261124-1239',
    });
    expect(validatePersonnummer(tenDigits, TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20261124-1239',
    });
  });
});

describe('validatePersonnummer: century of 10-digit numbers', () => {
  it("takes '+' to mean 100 years or older", () => {
    expect(validatePersonnummer('811218+9876', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '18811218-9876',
    });
  });

  it("puts a YY later than this year's in the previous century", () => {
    // 300101-123 → 2 (by the helper); 2030 would be in the future, so 1930.
    expect(withCheck('300101123')).toBe('3001011232');
    expect(validatePersonnummer('300101-1232', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19300101-1232',
    });
    expect(validatePersonnummer('3001011232', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19300101-1232',
    });
    expect(validatePersonnummer('300101+1232', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '18300101-1232',
    });
  });

  it("puts this year's YY with a date after today in the previous century", () => {
    // 261201-123 → 5 (by the helper)
    expect(withCheck('261201123')).toBe('2612011235');
    expect(validatePersonnummer('261201-1235', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19261201-1235',
    });
  });

  it('keeps a YY of 00 in this century', () => {
    // 010101-001 → 5 (by the helper)
    expect(withCheck('010101001')).toBe('0101010015');
    expect(validatePersonnummer('010101-0015', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20010101-0015',
    });
  });

  it('follows the given today, not the clock', () => {
    // 990101-123 → 0. In 1999 it is 1999; in 2026 it is still 1999 (2099 is later).
    expect(validatePersonnummer('990101-1230', '1999-06-01')).toMatchObject({ normalized: '19990101-1230' });
    expect(validatePersonnummer('990101-1230', '2098-12-31')).toMatchObject({ normalized: '19990101-1230' });
    expect(validatePersonnummer('990101-1230', '2099-01-01')).toMatchObject({ normalized: '20990101-1230' });
  });
});

describe('validatePersonnummer: samordningsnummer', () => {
  it('accepts 701063-2391 (day 3 + 60) and keeps the coordination day', () => {
    expect(validatePersonnummer('701063-2391', TODAY)).toEqual({
      ok: true,
      kind: 'samordningsnummer',
      normalized: '19701063-2391',
    });
    expect(validatePersonnummer('197010632391', TODAY)).toEqual({
      ok: true,
      kind: 'samordningsnummer',
      normalized: '19701063-2391',
    });
  });

  it('accepts day 91 (31 + 60) in a 31-day month', () => {
    const ten = withCheck('700191123');
    expect(validatePersonnummer(ten, TODAY)).toEqual({
      ok: true,
      kind: 'samordningsnummer',
      normalized: `19${ten.slice(0, 6)}-${ten.slice(6)}`,
    });
  });

  it('refuses day 92 even with a correct check digit', () => {
    // 701092-239 → 6 (by the helper)
    expect(withCheck('701092239')).toBe('7010922396');
    expect(validatePersonnummer('701092-2396', TODAY)).toEqual({ ok: false, error: DATE_ERROR });
  });

  it('refuses 30 February + 60', () => {
    // 700290-123 → 4 (by the helper)
    expect(withCheck('700290123')).toBe('7002901234');
    expect(validatePersonnummer('700290-1234', TODAY)).toEqual({ ok: false, error: DATE_ERROR });
  });

  it('refuses 31 April + 60 (day 91 in a 30-day month)', () => {
    expect(validatePersonnummer(withCheck('700491123'), TODAY)).toEqual({ ok: false, error: DATE_ERROR });
  });

  it('accepts 29 February + 60 in a leap year', () => {
    // 000289-123 → 2 (by the helper)
    expect(withCheck('000289123')).toBe('0002891232');
    expect(validatePersonnummer('000289-1232', TODAY)).toEqual({
      ok: true,
      kind: 'samordningsnummer',
      normalized: '20000289-1232',
    });
  });

  it('refuses a coordination date in the future', () => {
    // 2026-11-25 as a samordningsnummer: day 85.
    expect(validatePersonnummer(`20${withCheck('261185123')}`, TODAY)).toEqual({ ok: false, error: FUTURE_ERROR });
  });
});

describe('validatePersonnummer: leap days', () => {
  // 000229-123 → 5 (worked out by hand above)
  it('accepts 2000-02-29 (divisible by 400)', () => {
    expect(validatePersonnummer('20000229-1235', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20000229-1235',
    });
    expect(validatePersonnummer('000229-1235', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20000229-1235',
    });
  });

  it('refuses 1900-02-29 (divisible by 100, not by 400)', () => {
    expect(validatePersonnummer('19000229-1235', TODAY)).toEqual({ ok: false, error: DATE_ERROR });
    expect(validatePersonnummer('000229+1235', TODAY)).toEqual({ ok: false, error: DATE_ERROR });
  });

  it('refuses 29 February in an ordinary year', () => {
    expect(validatePersonnummer(withCheck('010229123'), TODAY)).toEqual({ ok: false, error: DATE_ERROR });
  });
});

describe('validatePersonnummer: invalid dates', () => {
  it.each([
    ['month 00', '800001123'],
    ['month 13', '801301123'],
    ['day 00', '800100123'],
    ['day 32', '800132123'],
    ['day 60 (0 + 60)', '800160123'],
    ['31 November', '801131123'],
  ])('refuses %s', (_label, nine) => {
    expect(validatePersonnummer(withCheck(nine), TODAY)).toEqual({ ok: false, error: DATE_ERROR });
  });
});

describe('validatePersonnummer: future birth dates', () => {
  it('refuses a 12-digit date after today', () => {
    // 261125-123 → 8 (by the helper)
    expect(withCheck('261125123')).toBe('2611251238');
    expect(validatePersonnummer('20261125-1238', TODAY)).toEqual({ ok: false, error: FUTURE_ERROR });
    expect(validatePersonnummer(`2030${withCheck('300101123').slice(2)}`, TODAY)).toEqual({
      ok: false,
      error: FUTURE_ERROR,
    });
  });

  it('never calls a 10-digit date future, because it moves to the previous century', () => {
    expect(validatePersonnummer('2611251238', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19261125-1238',
    });
  });
});

describe('validatePersonnummer: check digit', () => {
  it.each(['811218-9875', '811218-9877', '19811218-9870', '8112189871', '701063-2390'])('refuses %s', (input) => {
    expect(validatePersonnummer(input, TODAY)).toEqual({ ok: false, error: CHECK_ERROR });
  });

  it('catches two swapped digits', () => {
    expect(validatePersonnummer('811218-9786', TODAY)).toEqual({ ok: false, error: CHECK_ERROR });
  });
});

describe('validatePersonnummer: format', () => {
  it.each([
    '811218-987',
    '81121-89876',
    '1981121898765',
    '19811218-98765',
    '81121898',
    '1',
    '811218 9876',
    '811218--9876',
    '811218_9876',
    '811218/9876',
    '811218–9876', // en dash
    '8112-189876',
    '-8112189876',
    '8112189876-',
    '+811218-9876',
    '19811218 - 9876',
    '8112l8-9876',
    'abcdef-ghij',
    'ÅÅMMDD-NNNN',
    '１９８１１２１８９８７６', // full-width digits
    '811218-9876x',
  ])('refuses %j', (input) => {
    expect(validatePersonnummer(input, TODAY)).toEqual({ ok: false, error: FORMAT_ERROR });
  });
});

describe('validatePersonnummer: empty input', () => {
  it.each(['', ' ', '   \t\n '])('asks for the number when given %j', (input) => {
    expect(validatePersonnummer(input, TODAY)).toEqual({ ok: false, error: EMPTY_ERROR });
  });
});

describe('validatePersonnummer: today', () => {
  it.each(['', '2026-11-31', '2026-2-01', '24 november 2026', '2026-11-24T00:00'])('throws on today %j', (today) => {
    expect(() => validatePersonnummer('811218-9876', today)).toThrow(/today must be a real date/);
  });
});
