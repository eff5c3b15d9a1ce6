// How the scan names its states, storage types and findings, in English for the
// terminal and in Swedish for the report.

import type { DeclarationDocument, FindingName, ObservedStorage, StateDef } from '../types.ts';

/** English for the terminal, Swedish for the report. */
export type Language = 'en' | 'sv';

/**
 * A category's Swedish title, as the declaration gives it.
 */
export function categoryTitle(declaration: DeclarationDocument, id: string | undefined): string {
  return declaration.categories.find((category) => category.id === id)?.title ?? id ?? '';
}

/** A state's name, such as "Statistik only". */
export function stateLabel(state: StateDef, declaration: DeclarationDocument, language: Language): string {
  const title = categoryTitle(declaration, state.category);
  const sv = language === 'sv';
  switch (state.kind) {
    case 'none':
      return sv ? 'Inget val, bannern visas' : 'no choice, banner showing';
    case 'refused':
      return sv ? 'Efter Avvisa alla' : 'after Avvisa alla';
    case 'only':
      return sv ? `Endast ${title}` : `${title} only`;
    case 'all':
      return sv ? 'Efter Acceptera alla' : 'after Acceptera alla';
    case 'withdrawn':
      return sv ? `${title} återkallad` : `${title} withdrawn`;
  }
}

/**
 * How the scan reached a state, in Swedish, for the report.
 */
export function stateHowSv(state: StateDef, declaration: DeclarationDocument): string {
  const title = categoryTitle(declaration, state.category);
  switch (state.kind) {
    case 'none':
      return 'Ny webbläsare utan sparat val. Varje sida besöks med bannern synlig, utan att något väljs.';
    case 'refused':
      return 'Ny webbläsare. På första sidan väljs Avvisa alla i bannern; sedan besöks varje sida.';
    case 'only':
      return `Ny webbläsare. På första sidan öppnas Inställningar i bannern, endast ${title} slås på och valet sparas; sedan besöks varje sida.`;
    case 'all':
      return 'Ny webbläsare. På första sidan väljs Acceptera alla i bannern; sedan besöks varje sida.';
    case 'withdrawn':
      return `Ny webbläsare. På första sidan väljs Acceptera alla; sedan öppnas Cookieinställningar i sidfoten, ${title} slås av och valet sparas. Därefter besöks varje sida.`;
  }
}

/** Each kind of storage by name. */
export const STORAGE_NAMES: Record<ObservedStorage, Record<Language, string>> = {
  cookie: { en: 'cookie', sv: 'Cookie' },
  localStorage: { en: 'localStorage', sv: 'localStorage' },
  sessionStorage: { en: 'sessionStorage', sv: 'sessionStorage' },
  indexedDB: { en: 'IndexedDB', sv: 'IndexedDB' },
  cacheStorage: { en: 'Cache Storage', sv: 'Cache Storage' },
  serviceWorker: { en: 'service worker', sv: 'Service worker' },
};

/** What each finding means, for the report's key. */
export const FINDING_TITLES: Record<FindingName, Record<Language, string>> = {
  undeclared: {
    en: 'Stored, but not declared',
    sv: 'Lagras men finns inte i deklarationen',
  },
  'before-consent': {
    en: 'Stored before consent, or after refusal, outside the necessary category',
    sv: 'Lagras utan samtycke (före val eller efter Avvisa alla) fast den inte är nödvändig',
  },
  'wrong-category': {
    en: 'Declared in a category the visitor has not accepted',
    sv: 'Deklarerad i en kategori som besökaren inte har godkänt',
  },
  'lifetime-exceeds-declaration': {
    en: 'Kept longer than the declared duration',
    sv: 'Sparas längre än den deklarerade lagringstiden',
  },
  'wrong-party': {
    en: 'Set by another party than the declared one',
    sv: 'Sätts av en annan part än den deklarerade',
  },
  'survives-withdrawal': {
    en: 'Still there after the category was withdrawn',
    sv: 'Finns kvar efter att kategorin återkallats',
  },
  'tool-request-without-consent': {
    en: 'A statistics or marketing tool was called without consent to its category',
    sv: 'Ett statistik- eller marknadsföringsverktyg anropades utan samtycke till dess kategori',
  },
  'never-seen': {
    en: 'Declared, but never seen in any state',
    sv: 'Deklarerad men aldrig sedd i något läge',
  },
  'third-party-request': {
    en: 'A request to a third party that is not a declared tool',
    sv: 'Anrop till tredje part som inte är ett deklarerat verktyg',
  },
  'unreadable-duration': {
    en: 'A declared duration the scan cannot read',
    sv: 'En deklarerad lagringstid som skanningen inte kan tolka',
  },
};

/**
 * A lifetime in seconds as people say it: "13 months", "30 min", or "session".
 */
export function formatLifetime(seconds: number | null | undefined, language: Language): string {
  const sv = language === 'sv';
  if (seconds === null || seconds === undefined) return sv ? 'sessionen' : 'session';
  const day = 86400;
  if (seconds >= 60 * day) {
    const months = seconds / (30.436875 * day);
    return `${months
      .toFixed(1)
      .replace(/\.0$/, '')
      .replace('.', sv ? ',' : '.')} ${sv ? 'mån' : 'months'} (${Math.round(seconds / day)} ${sv ? 'dagar' : 'days'})`;
  }
  if (seconds >= 2 * day) return `${Math.round(seconds / day)} ${sv ? 'dagar' : 'days'}`;
  if (seconds >= 2 * 3600) return `${Math.round(seconds / 3600)} ${sv ? 'timmar' : 'hours'}`;
  if (seconds >= 120) return `${Math.round(seconds / 60)} min`;
  return `${Math.max(0, Math.round(seconds))} s`;
}
