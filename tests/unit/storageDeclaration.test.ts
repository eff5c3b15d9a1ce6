// Entries that are not cookies: localStorage, sessionStorage and IndexedDB in
// the declaration, its tables and its changes.
import { describe, expect, it } from 'vitest';
import { cookiesToClear, toCookieConsentConfig } from '../../src/lib/consent/bannerConfig';
import {
  compareDeclarations,
  declarationProblems,
  findDeclared,
  storageOf,
  type CookieDeclaration,
  type DeclaredCookie,
} from '../../src/lib/consent/declaration';
import { declaredCookieSchema } from '../../src/lib/schema/index.ts';
import { buildConsentSetup } from '../../src/lib/consent/setup';

const entry = (name: string, extra: Partial<DeclaredCookie> = {}): DeclaredCookie => ({
  name,
  provider: 'Tech Troopers',
  party: 'first',
  purpose: 'Syfte.',
  duration: '1 år',
  category: 'statistics',
  ...extra,
});

const declaration: CookieDeclaration = {
  categories: [
    { id: 'necessary', title: 'Nödvändiga', description: 'Dina val.' },
    { id: 'statistics', title: 'Statistik', description: 'Besöksstatistik.' },
  ],
  cookies: [
    entry('cc_cookie', { category: 'necessary' }),
    entry('_pk_id.*'),
    entry('matomo:visitor *', { storage: 'localStorage' }),
    entry('tt-db', { storage: 'indexedDB' }),
  ],
};

/** The messages zod gives, each prefixed with its field. */
function problems(data: object): string[] {
  const result = declaredCookieSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the storage type of a declared entry', () => {
  it('is a cookie unless the entry says otherwise', () => {
    expect(storageOf(entry('a'))).toBe('cookie');
    expect(storageOf(entry('a', { storage: 'sessionStorage' }))).toBe('sessionStorage');
    expect(declaredCookieSchema.parse(entry('a')).storage).toBeUndefined();
  });

  it('refuses an unknown storage type, saying what is allowed', () => {
    expect(problems({ ...entry('a'), storage: 'flash' })).toEqual([
      'storage: "storage" must be one of cookie, localStorage, sessionStorage, indexedDB (or left out for a cookie), got "flash"',
    ]);
  });

  it('lets storage keys hold what cookie names may not, but keeps cookie names strict', () => {
    expect(problems(entry('matomo:visitor *', { storage: 'localStorage' }))).toEqual([]);
    expect(problems(entry('firebase Local Storage', { storage: 'indexedDB' }))).toEqual([]);
    expect(problems(entry('matomo:visitor *'))).toEqual([
      'name: "name" must be a cookie name, with * where a part varies',
    ]);
    expect(problems(entry('two\nlines', { storage: 'sessionStorage' }))).toEqual([
      'name: "name" must be the sessionStorage key as the site writes it, on one line, with * where a part varies',
    ]);
    expect(problems(entry('', { storage: 'indexedDB' }))).toEqual([
      `name: "name" must not be empty: the cookie's name, or a pattern such as _pk_id.*`,
    ]);
  });

  it('keeps the consent cookie a cookie', () => {
    expect(declarationProblems(declaration)).toEqual([]);
    expect(
      declarationProblems({
        ...declaration,
        cookies: declaration.cookies.map((cookie) =>
          cookie.name === 'cc_cookie' ? { ...cookie, storage: 'localStorage' as const } : cookie,
        ),
      }),
    ).toEqual([
      { path: ['cookies'], message: 'the consent cookie "cc_cookie" must be declared, in category "necessary"' },
    ]);
  });

  it('finds a declared entry among those of its own storage type', () => {
    expect(findDeclared(declaration, 'matomo:visitor 1', 'localStorage')?.name).toBe('matomo:visitor *');
    expect(findDeclared(declaration, 'matomo:visitor 1')).toBeUndefined();
    expect(findDeclared(declaration, 'tt-db', 'indexedDB')?.category).toBe('statistics');
  });

  it('names a changed storage type as a change of the entry', () => {
    const after: CookieDeclaration = {
      ...declaration,
      cookies: declaration.cookies.map((cookie) =>
        cookie.name === 'tt-db' ? { ...cookie, storage: 'localStorage' as const } : cookie,
      ),
    };
    expect(compareDeclarations(declaration, after).changed).toEqual([
      { before: declaration.cookies[3], after: after.cookies[3], fields: ['storage'] },
    ]);
    // Writing out the default is no change.
    const explicit = { ...declaration, cookies: [entry('cc_cookie', { category: 'necessary', storage: 'cookie' })] };
    expect(compareDeclarations({ ...declaration, cookies: [declaration.cookies[0]!] }, explicit).changed).toEqual([]);
  });
});

describe('the banner and storage that is not a cookie', () => {
  const setup = buildConsentSetup(
    [
      {
        version: '1',
        effective: '2026-11-24',
        summary: 'S.',
        url: '/cookiepolicy/',
        changesUrl: undefined,
        material: false,
        declaration,
      },
    ],
    {},
    undefined,
  );

  it('clears only cookies on withdrawal: the library cannot clear other storage', () => {
    expect(cookiesToClear(declaration.cookies, 'statistics')).toEqual([{ name: '_pk_id.*' }]);
  });

  it('shows each entry’s storage type in the preferences’ tables', () => {
    const sections = toCookieConsentConfig(setup, { gpc: false }).language.translations['sv'];
    const table = (
      sections as { preferencesModal: { sections: { cookieTable?: { headers: object; body: object[] } }[] } }
    ).preferencesModal.sections.find((section) => section.cookieTable?.body.length === 3)?.cookieTable;
    expect(Object.keys(table!.headers)).toEqual(['name', 'storage', 'provider', 'party', 'purpose', 'duration']);
    expect(table!.body.map((row) => (row as { storage: string }).storage)).toEqual([
      'Cookie',
      'Lokal lagring (localStorage)',
      'Databas i webbläsaren (IndexedDB)',
    ]);
  });
});
