/** Which kind of Swedish identity number was given. */
export type IdKind = 'personnummer' | 'samordningsnummer';

/** The outcome of {@link validatePersonnummer}. */
export type IdResult =
  | {
      ok: true;
      kind: IdKind;
      /** Always 12 digits with the real century and a dash, YYYYMMDD-NNNN; a samordningsnummer keeps its day + 60. */
      normalized: string;
    }
  | {
      ok: false;
      /** A message in Swedish, written for the visitor. */
      error: string;
    };

/** Error messages shown to the visitor. */
const PERSONNUMMER_ERRORS = {
  empty: 'Fyll i ditt personnummer.',
  format: 'Skriv personnumret med 10 eller 12 siffror, till exempel ÅÅÅÅMMDD-NNNN.',
  date: 'Personnumret innehåller inget giltigt datum.',
  future: 'Födelsedatumet i personnumret ligger i framtiden.',
  checkDigit: 'Kontrollsiffran stämmer inte. Kontrollera personnumret.',
} as const;

// Optional century, YYMMDD, optional separator, NNN and the check digit.
const ID_PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+])?(\d{3})(\d)$/;
const TODAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Coordination numbers add this to the day of birth. */
const COORDINATION_OFFSET = 60;

/**
 * Validates a Swedish personnummer or samordningsnummer.
 *
 * Accepts, after trimming, 12 digits (YYYYMMDDNNNC) or 10 digits (YYMMDDNNNC), each with an optional
 * `-` or `+` before the last four digits. For 10 digits the century is the latest one that puts the
 * birth date on or before `today`, and `+` moves it back another hundred years (the person is 100 or
 * older); for 12 digits the century is given and `+` is ignored.
 *
 * @param input What the visitor typed.
 * @param today The visitor's date as YYYY-MM-DD; decides the century of 10-digit numbers and refuses
 *   birth dates after it.
 * @throws When `today` is not a real YYYY-MM-DD date, since that is a programming error, not the visitor's.
 */
export function validatePersonnummer(input: string, today: string): IdResult {
  const now = parseToday(today);
  const value = input.trim();
  if (value === '') return fail('empty');

  const match = ID_PATTERN.exec(value);
  if (match === null) return fail('format');
  const [, century, yy = '', mm = '', dd = '', separator, serial = '', check = ''] = match;

  const month = Number(mm);
  const rawDay = Number(dd);
  const kind: IdKind = rawDay > COORDINATION_OFFSET ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? rawDay - COORDINATION_OFFSET : rawDay;

  let year: number;
  if (century !== undefined) {
    year = Number(century + yy);
  } else {
    const twoDigit = Number(yy);
    year = now.year - (((now.year % 100) - twoDigit + 100) % 100);
    if (separator === '+') {
      year -= 100;
    } else if (compareDates({ year, month, day }, now) > 0) {
      // Born later this calendar year than today means born in the previous century.
      year -= 100;
    }
  }

  if (!isRealDate(year, month, day)) return fail('date');
  // Checked on the 10-digit form, so the century never affects it.
  if (luhnCheckDigit(yy + mm + dd + serial) !== Number(check)) return fail('checkDigit');
  if (compareDates({ year, month, day }, now) > 0) return fail('future');

  return {
    ok: true,
    kind,
    normalized: `${String(year).padStart(4, '0')}${mm}${dd}-${serial}${check}`,
  };
}

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

function fail(reason: keyof typeof PERSONNUMMER_ERRORS): IdResult {
  return { ok: false, error: PERSONNUMMER_ERRORS[reason] };
}

function parseToday(today: string): YearMonthDay {
  const match = TODAY_PATTERN.exec(today);
  const date = match === null ? undefined : { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date === undefined || !isRealDate(date.year, date.month, date.day)) {
    throw new Error(`today must be a real date written YYYY-MM-DD, got "${today}".`);
  }
  return date;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Computed by hand rather than with Date, which maps years 0–99 onto 1900–1999.
function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

function compareDates(a: YearMonthDay, b: YearMonthDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The Luhn check digit for the nine digits YYMMDDNNN, weighting them 2, 1, 2, 1, … */
function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}
