/**
 * Reads the declaration's Swedish durations ("13 månader", "30 minuter",
 * "Tills du stänger webbläsaren"), so that a lifetime seen in a browser can be
 * held against what the cookie policy promises.
 */

/** A declared duration: gone when the browser closes, or at most so many seconds. */
export type Duration = { session: true } | { session: false; seconds: number };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The longest that `count` calendar months can be, in seconds: "6 månader" from
 * 1 July is 184 days, and a cookie set for six months that day keeps its promise.
 */
export function longestMonths(count: number): number {
  let longest = 0;
  // Four years hold every arrangement of month lengths and leap days.
  for (let start = 0; start < 48; start++) {
    longest = Math.max(longest, Date.UTC(2024, start + count, 1) - Date.UTC(2024, start, 1));
  }
  return longest / 1000;
}

/** Each unit, singular and plural, with its longest length in seconds for a count. */
const UNITS: [RegExp, (count: number) => number][] = [
  [/^sekund(er)?$/, (count) => count],
  [/^minut(er)?$/, (count) => count * MINUTE],
  [/^tim(me|mar)$/, (count) => count * HOUR],
  [/^(dag(ar)?|dygn)$/, (count) => count * DAY],
  [/^veck(a|or)$/, (count) => count * 7 * DAY],
  [/^månad(er)?$/, (count) => (Number.isInteger(count) ? longestMonths(count) : count * 31 * DAY)],
  [/^år$/, (count) => (Number.isInteger(count) ? longestMonths(count * 12) : count * 366 * DAY)],
];

const NUMBER_WORDS: Record<string, number> = {
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
};

/** Phrases that mean the entry goes when the browser is closed. */
const SESSION = /\bsession(en|s-?cookie)?\b|stänger (din )?webbläsare|webbläsaren stängs|webbläsarsession/;

function partSeconds(part: string): number | undefined {
  const match = /^(\d+(?:[.,]\d+)?|[a-zåäö]+)\s*([a-zåäö]+)$/.exec(part);
  if (!match) return undefined;
  const [, amount = '', unit = ''] = match;
  const count = /^\d/.test(amount) ? Number(amount.replace(',', '.')) : NUMBER_WORDS[amount];
  const length = UNITS.find(([pattern]) => pattern.test(unit))?.[1];
  return count !== undefined && count > 0 && length ? length(count) : undefined;
}

/**
 * A declared duration as the longest it allows, or `undefined` when the text
 * says something this reader does not understand. Accepts a number (or a
 * number word up to tolv) and a unit, singular or plural: sekunder, minuter,
 * timmar, dagar (dygn), veckor, månader, år, with a decimal comma ("1,5 år"); several joined by "och" or commas
 * ("1 år och 6 månader"); "upp till" or "högst" before; and the session forms
 * ("sessionen", "Tills du stänger webbläsaren").
 */
export function parseDuration(text: string): Duration | undefined {
  const plain = text.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.]$/, '');
  if (SESSION.test(plain)) return { session: true };
  const parts = plain
    .replace(/^(upp till|högst|i) /, '')
    .split(/\s*,\s+|\s+och\s+/)
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  let seconds = 0;
  for (const part of parts) {
    const length = partSeconds(part);
    if (length === undefined) return undefined;
    seconds += length;
  }
  return { session: false, seconds };
}
