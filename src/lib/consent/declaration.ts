// Plain types and functions only: this module is also bundled for the browser, so it
// must not pull in zod (its schemas are in ../schema/declaration.ts).

import { NECESSARY, type CategoryId } from './categories.ts';
import type { ConsentSignal } from './consentMode.ts';

export { CATEGORY_IDS, GPC_REFUSES, NECESSARY, type CategoryId } from './categories.ts';

/** How visitors read a cookie's party. */
export const PARTY_LABELS = { first: 'Förstapart', third: 'Tredjepart' } as const;

/** The cookie the consent banner keeps the visitor's choice in. */
export const CONSENT_COOKIE = 'cc_cookie';

/**
 * Where a declared entry lives in the visitor's browser. The law (LEK 9 kap. 28 §)
 * covers every kind of storage, so the declaration names more than cookies.
 */
export const STORAGE_TYPES = ['cookie', 'localStorage', 'sessionStorage', 'indexedDB'] as const;
export type StorageType = (typeof STORAGE_TYPES)[number];

/** How visitors see each storage type named, in the policy's and the preferences' tables. */
export const STORAGE_LABELS: Readonly<Record<StorageType, string>> = {
  cookie: 'Cookie',
  localStorage: 'Lokal lagring (localStorage)',
  sessionStorage: 'Sessionslagring (sessionStorage)',
  indexedDB: 'Databas i webbläsaren (IndexedDB)',
};

/** One category of cookies as a cookie policy version declares it (schema: ../schema/declaration.ts). */
export interface CookieCategory {
  id: CategoryId;
  /** Its Swedish name, such as "Statistik". */
  title: string;
  /** What the category's cookies are for, in Swedish. */
  description: string;
  /** The Google Consent Mode signals consent to this category grants; left out, none. */
  consentSignals?: ConsentSignal[] | undefined;
}

/** One cookie, or other stored entry, as a cookie policy version declares it. */
export interface DeclaredCookie {
  /** The name (a storage key or database name for other storage), or a pattern with `*` for a part that varies. */
  name: string;
  /** Where it is stored; left out, it is a cookie (see `storageOf`). */
  storage?: StorageType | undefined;
  provider: string;
  party: 'first' | 'third';
  purpose: string;
  duration: string;
  category: CategoryId;
}

/** Where a declared entry is stored: a cookie unless it says otherwise. */
export const storageOf = (entry: Pick<DeclaredCookie, 'storage'>): StorageType => entry.storage ?? 'cookie';

/** What a cookie policy version declares: its categories and every cookie. */
export interface CookieDeclaration {
  categories: CookieCategory[];
  cookies: DeclaredCookie[];
}

/** A problem that spans a declaration's fields: where it is, as zod reports paths, and what it is. */
export interface DeclarationProblem {
  path: ['categories' | 'cookies', number, ...string[]] | ['cookies'];
  message: string;
}

/**
 * Problems that span the declaration's fields, each with the path of the entry
 * and field concerned. Empty when the declaration is sound.
 */
export function declarationProblems({ categories, cookies }: CookieDeclaration): DeclarationProblem[] {
  const problems: DeclarationProblem[] = [];
  const ids = categories.map((category) => category.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      problems.push({ path: ['categories', index, 'id'], message: `"${id}" is declared twice` });
  });
  const signalOwners = new Map<ConsentSignal, CategoryId>();
  categories.forEach((category, index) => {
    for (const signal of category.consentSignals ?? []) {
      const owner = signalOwners.get(signal);
      if (owner === undefined) signalOwners.set(signal, category.id);
      else if (owner !== category.id) {
        problems.push({
          path: ['categories', index, 'consentSignals'],
          message: `the signal "${signal}" is already granted by "${owner}"; each signal belongs to one purpose`,
        });
      }
    }
  });
  if (!ids.includes(NECESSARY)) {
    problems.push({
      path: ['categories', ids.length],
      message: `"${NECESSARY}" must be declared; the consent cookie belongs to it`,
    });
  }
  const names = cookies.map((cookie) => cookie.name);
  cookies.forEach((cookie, index) => {
    if (!ids.includes(cookie.category)) {
      problems.push({
        path: ['cookies', index, 'category'],
        message: `"${cookie.name}" is in category "${cookie.category}", which "categories" does not declare`,
      });
    }
    if (names.indexOf(cookie.name) !== index) {
      problems.push({ path: ['cookies', index, 'name'], message: `"${cookie.name}" is declared twice` });
    }
  });
  const consent = cookies.find((cookie) => cookie.name === CONSENT_COOKIE);
  if (consent?.category !== NECESSARY || storageOf(consent) !== 'cookie') {
    problems.push({
      path: ['cookies'],
      message: `the consent cookie "${CONSENT_COOKIE}" must be declared, in category "${NECESSARY}"`,
    });
  }
  return problems;
}

/** A declared name as a pattern: `*` stands for any run of characters, everything else is literal. */
export function namePattern(name: string): RegExp {
  const literal = name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`);
}

/**
 * The declared entry a concrete name (or a tool's pattern) falls under, if any,
 * among the entries of one storage type (cookies unless told otherwise).
 */
export function findDeclared(
  declaration: Pick<CookieDeclaration, 'cookies'>,
  name: string,
  storage: StorageType = 'cookie',
): DeclaredCookie | undefined {
  return declaration.cookies.find(
    (cookie) => storageOf(cookie) === storage && (cookie.name === name || namePattern(cookie.name).test(name)),
  );
}

export interface DeclarationChanges {
  added: DeclaredCookie[];
  removed: DeclaredCookie[];
  /** Cookies declared in both, with what differs. */
  changed: { before: DeclaredCookie; after: DeclaredCookie; fields: (keyof DeclaredCookie)[] }[];
  addedCategories: CookieCategory[];
  removedCategories: CookieCategory[];
  /** Categories in both, with what differs: a new description is a new purpose, which asks visitors again. */
  changedCategories: { before: CookieCategory; after: CookieCategory; fields: CategoryField[] }[];
}

/** The fields of a category a new version may change. */
export type CategoryField = 'title' | 'description' | 'consentSignals';

const categoryFields: CategoryField[] = ['title', 'description', 'consentSignals'];
const categoryValue = (category: CookieCategory, field: CategoryField): string =>
  field === 'consentSignals' ? [...(category.consentSignals ?? [])].sort().join(',') : category[field];

/** What a new version changes in the declaration, cookie by cookie and category by category. */
export function compareDeclarations(before: CookieDeclaration, after: CookieDeclaration): DeclarationChanges {
  const byName = (cookies: DeclaredCookie[]) => new Map(cookies.map((cookie) => [cookie.name, cookie]));
  const old = byName(before.cookies);
  const next = byName(after.cookies);
  const fields = ['storage', 'provider', 'party', 'category', 'purpose', 'duration'] as const;
  const value = (cookie: DeclaredCookie, field: (typeof fields)[number]) =>
    field === 'storage' ? storageOf(cookie) : cookie[field];
  const oldIds = new Set(before.categories.map((category) => category.id));
  const newIds = new Set(after.categories.map((category) => category.id));
  return {
    added: after.cookies.filter((cookie) => !old.has(cookie.name)),
    removed: before.cookies.filter((cookie) => !next.has(cookie.name)),
    changed: after.cookies.flatMap((cookie) => {
      const previous = old.get(cookie.name);
      const differing = previous ? fields.filter((field) => value(previous, field) !== value(cookie, field)) : [];
      return previous && differing.length > 0 ? [{ before: previous, after: cookie, fields: differing }] : [];
    }),
    addedCategories: after.categories.filter((category) => !oldIds.has(category.id)),
    removedCategories: before.categories.filter((category) => !newIds.has(category.id)),
    changedCategories: after.categories.flatMap((category) => {
      const previous = before.categories.find((candidate) => candidate.id === category.id);
      const differing = previous
        ? categoryFields.filter((field) => categoryValue(previous, field) !== categoryValue(category, field))
        : [];
      return previous && differing.length > 0 ? [{ before: previous, after: category, fields: differing }] : [];
    }),
  };
}
