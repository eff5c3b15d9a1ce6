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

// Every number below that could pass for a real one is from Skatteverket's test series, which gives
// each day the födelsenummer 238 and 239 and never assigns them to anyone: here always 239.

describe('test helper luhn', () => {
  it('agrees with check digits worked out by hand', () => {
    // 9 0 0 1 0 1 2 3 9 × 2 1 2 1 2 1 2 1 2 → 18 0 0 1 0 1 4 3 18 → 9+0+0+1+0+1+4+3+9 = 27 → 3
    expect(luhn('900101239')).toBe(3);
    // 7 0 1 0 6 3 2 3 9 × 2 1 2 1 2 1 2 1 2 → 14 0 2 0 12 3 4 3 18 → 5+0+2+0+3+3+4+3+9 = 29 → 1
    expect(luhn('701063239')).toBe(1);
    // 0 0 0 2 2 9 2 3 9 → 0 0 0 2 4 9 4 3 18 → 0+0+0+2+4+9+4+3+9 = 31 → 9
    expect(luhn('000229239')).toBe(9);
    // 9 9 0 1 0 1 2 3 9 → 18 9 0 1 0 1 4 3 18 → 9+9+0+1+0+1+4+3+9 = 36 → 4
    expect(luhn('990101239')).toBe(4);
  });
});

/** Every vector below that is meant to pass the check digit does, by the independent helper. */
function withCheck(nine: string): string {
  return `${nine}${luhn(nine)}`;
}

describe('validatePersonnummer: valid personnummer', () => {
  it.each([
    ['19900101-2393', '19900101-2393'],
    ['199001012393', '19900101-2393'],
    ['900101-2393', '19900101-2393'],
    ['9001012393', '19900101-2393'],
    ['  900101-2393\t', '19900101-2393'],
    ['\u00a019900101-2393\n', '19900101-2393'],
  ])('accepts %j as %s', (input, normalized) => {
    expect(validatePersonnummer(input, TODAY)).toEqual({ ok: true, kind: 'personnummer', normalized });
  });

  it("ignores '+' on a 12-digit number and normalises it with '-'", () => {
    expect(validatePersonnummer('19900101+2393', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19900101-2393',
    });
  });

  it('accepts a birth date that is today', () => {
    // 261124-239 → 3 (by the helper)
    const tenDigits = withCheck('261124239');
    expect(tenDigits).toBe('2611242393');
    expect(validatePersonnummer(`20${tenDigits}`, TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20261124-2393',
    });
    expect(validatePersonnummer(tenDigits, TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20261124-2393',
    });
  });
});

describe('validatePersonnummer: century of 10-digit numbers', () => {
  it("takes '+' to mean 100 years or older", () => {
    expect(validatePersonnummer('900101+2393', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '18900101-2393',
    });
  });

  it("puts a YY later than this year's in the previous century", () => {
    // 300101-239 → 6 (by the helper); 2030 would be in the future, so 1930.
    expect(withCheck('300101239')).toBe('3001012396');
    expect(validatePersonnummer('300101-2396', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19300101-2396',
    });
    expect(validatePersonnummer('3001012396', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19300101-2396',
    });
    expect(validatePersonnummer('300101+2396', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '18300101-2396',
    });
  });

  it("puts this year's YY with a date after today in the previous century", () => {
    // 261201-239 → 9 (by the helper)
    expect(withCheck('261201239')).toBe('2612012399');
    expect(validatePersonnummer('261201-2399', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19261201-2399',
    });
  });

  it('keeps a YY of 00 in this century', () => {
    // 010101-239 → 1 (by the helper)
    expect(withCheck('010101239')).toBe('0101012391');
    expect(validatePersonnummer('010101-2391', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20010101-2391',
    });
  });

  it('follows the given today, not the clock', () => {
    // 990101-239 → 4. In 1999 it is 1999; in 2026 it is still 1999 (2099 is later).
    expect(validatePersonnummer('990101-2394', '1999-06-01')).toMatchObject({ normalized: '19990101-2394' });
    expect(validatePersonnummer('990101-2394', '2098-12-31')).toMatchObject({ normalized: '19990101-2394' });
    expect(validatePersonnummer('990101-2394', '2099-01-01')).toMatchObject({ normalized: '20990101-2394' });
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
    const ten = withCheck('700191239');
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
    expect(validatePersonnummer('700290-2398', TODAY)).toEqual({ ok: false, error: DATE_ERROR });
  });

  it('refuses 31 April + 60 (day 91 in a 30-day month)', () => {
    expect(validatePersonnummer(withCheck('700491123'), TODAY)).toEqual({ ok: false, error: DATE_ERROR });
  });

  it('accepts 29 February + 60 in a leap year', () => {
    // 000289-239 → 6 (by the helper)
    expect(withCheck('000289239')).toBe('0002892396');
    expect(validatePersonnummer('000289-2396', TODAY)).toEqual({
      ok: true,
      kind: 'samordningsnummer',
      normalized: '20000289-2396',
    });
  });

  it('refuses a coordination date in the future', () => {
    // 2026-11-25 as a samordningsnummer: day 85.
    expect(validatePersonnummer(`20${withCheck('261185123')}`, TODAY)).toEqual({ ok: false, error: FUTURE_ERROR });
  });
});

describe('validatePersonnummer: leap days', () => {
  // 000229-239 → 9 (worked out by hand above)
  it('accepts 2000-02-29 (divisible by 400)', () => {
    expect(validatePersonnummer('20000229-2399', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20000229-2399',
    });
    expect(validatePersonnummer('000229-2399', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '20000229-2399',
    });
  });

  it('refuses 1900-02-29 (divisible by 100, not by 400)', () => {
    expect(validatePersonnummer('19000229-2399', TODAY)).toEqual({ ok: false, error: DATE_ERROR });
    expect(validatePersonnummer('000229+2399', TODAY)).toEqual({ ok: false, error: DATE_ERROR });
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
    // 261125-239 → 2 (by the helper)
    expect(withCheck('261125239')).toBe('2611252392');
    expect(validatePersonnummer('20261125-2392', TODAY)).toEqual({ ok: false, error: FUTURE_ERROR });
    expect(validatePersonnummer(`2030${withCheck('300101239').slice(2)}`, TODAY)).toEqual({
      ok: false,
      error: FUTURE_ERROR,
    });
  });

  it('never calls a 10-digit date future, because it moves to the previous century', () => {
    expect(validatePersonnummer('2611252392', TODAY)).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '19261125-2392',
    });
  });
});

describe('validatePersonnummer: check digit', () => {
  it.each(['900101-2394', '900101-2392', '19900101-2390', '9001012391', '701063-2390'])('refuses %s', (input) => {
    expect(validatePersonnummer(input, TODAY)).toEqual({ ok: false, error: CHECK_ERROR });
  });

  it('catches two swapped digits', () => {
    expect(validatePersonnummer('900101-3293', TODAY)).toEqual({ ok: false, error: CHECK_ERROR });
  });
});

describe('validatePersonnummer: format', () => {
  it.each([
    '900101-239',
    '90010-12393',
    '1990010123935',
    '19900101-23935',
    '90010123',
    '1',
    '900101 2393',
    '900101--2393',
    '900101_2393',
    '900101/2393',
    '900101–2393', // en dash
    '9001-012393',
    '-9001012393',
    '9001012393-',
    '+900101-2393',
    '19900101 - 2393',
    '9001l1-2393',
    'abcdef-ghij',
    'ÅÅMMDD-NNNN',
    '１９９００１０１２３９３', // full-width digits
    '900101-2393x',
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
    expect(() => validatePersonnummer('900101-2393', today)).toThrow(/today must be a real date/);
  });
});
