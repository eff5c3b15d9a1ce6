import { z } from 'astro/zod';

/** The consent categories, in the order visitors see them. */
export const CATEGORY_IDS = ['necessary', 'statistics', 'marketing'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** The category that is always on; every declaration has it. */
export const NECESSARY: CategoryId = 'necessary';

/** The cookie the consent banner keeps the visitor's choice in. */
export const CONSENT_COOKIE = 'cc_cookie';

const text = (field: string, what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `"${field}" is missing: ${what}` : `"${field}" must be text: ${what}`,
    })
    .trim()
    .min(1, `"${field}" must not be empty: ${what}`);

/** One category of cookies as a cookie policy version declares it. */
export const cookieCategorySchema = z.strictObject({
  /** The category's id: necessary, statistics or marketing. Required. */
  id: z.enum(CATEGORY_IDS, {
    error: (issue) => `"id" must be one of ${CATEGORY_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
  }),
  /** Its Swedish name in the banner and the policy, such as "Statistik". Required. */
  title: text('title', 'the Swedish name of the category'),
  /** One or two Swedish sentences on what the category's cookies are for. Required. */
  description: text('description', 'what the cookies in this category are for, in Swedish'),
});

/** One cookie as a cookie policy version declares it. */
export const declaredCookieSchema = z.strictObject({
  /** The cookie's name, or a pattern with `*` for a part that varies: `_pk_id.*`. Required. */
  name: z
    .string({ error: '"name" is missing: the cookie\'s name, or a pattern such as _pk_id.*' })
    .regex(/^[!#$%&'+\-.^_`|~0-9A-Za-z*]+$/, '"name" must be a cookie name, with * where a part varies'),
  /** Who sets it: "Tech Troopers" or the third party's name. Required. */
  provider: text('provider', 'who sets the cookie'),
  /** Set by the site itself (first) or by another company (third). Required. */
  party: z.enum(['first', 'third'], { error: '"party" must be first or third' }),
  /** What it is for, in Swedish. Required. */
  purpose: text('purpose', 'what the cookie is for, in Swedish'),
  /** How long it is kept, in Swedish: "13 månader", "Tills du stänger webbläsaren". Required. */
  duration: text('duration', 'how long the cookie is kept, in Swedish'),
  /** The id of its category. Required. */
  category: z.enum(CATEGORY_IDS, {
    error: (issue) => `"category" must be one of ${CATEGORY_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
  }),
});

export type CookieCategory = z.infer<typeof cookieCategorySchema>;
export type DeclaredCookie = z.infer<typeof declaredCookieSchema>;

/** What a cookie policy version declares: its categories and every cookie. */
export interface CookieDeclaration {
  categories: CookieCategory[];
  cookies: DeclaredCookie[];
}

/**
 * Problems that span the declaration's fields, as messages naming the field.
 * Empty when the declaration is sound.
 */
export function declarationProblems({ categories, cookies }: CookieDeclaration): string[] {
  const problems: string[] = [];
  const ids = categories.map((category) => category.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) problems.push(`categories: "${id}" is declared twice`);
  });
  if (!ids.includes(NECESSARY))
    problems.push(`categories: "${NECESSARY}" must be declared; the consent cookie belongs to it`);
  const names = cookies.map((cookie) => cookie.name);
  cookies.forEach((cookie, index) => {
    if (!ids.includes(cookie.category)) {
      problems.push(
        `cookies: "${cookie.name}" is in category "${cookie.category}", which "categories" does not declare`,
      );
    }
    if (names.indexOf(cookie.name) !== index) problems.push(`cookies: "${cookie.name}" is declared twice`);
  });
  const consent = cookies.find((cookie) => cookie.name === CONSENT_COOKIE);
  if (consent?.category !== NECESSARY) {
    problems.push(`cookies: the consent cookie "${CONSENT_COOKIE}" must be declared, in category "${NECESSARY}"`);
  }
  return problems;
}

/** The cookies a declaration puts in one category. */
export const cookiesIn = (declaration: CookieDeclaration, category: CategoryId): DeclaredCookie[] =>
  declaration.cookies.filter((cookie) => cookie.category === category);

/** A declared name as a pattern: `*` stands for any run of characters, everything else is literal. */
export function namePattern(name: string): RegExp {
  const literal = name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`);
}

/** The declared cookie a concrete cookie name (or a tool's pattern) falls under, if any. */
export function findDeclared(declaration: CookieDeclaration, name: string): DeclaredCookie | undefined {
  return declaration.cookies.find((cookie) => cookie.name === name || namePattern(cookie.name).test(name));
}

export interface DeclarationChanges {
  added: DeclaredCookie[];
  removed: DeclaredCookie[];
  /** Cookies declared in both, with what differs. */
  changed: { before: DeclaredCookie; after: DeclaredCookie; fields: (keyof DeclaredCookie)[] }[];
  addedCategories: CookieCategory[];
  removedCategories: CookieCategory[];
}

/** What a new version changes in the declaration, cookie by cookie. */
export function compareDeclarations(before: CookieDeclaration, after: CookieDeclaration): DeclarationChanges {
  const byName = (cookies: DeclaredCookie[]) => new Map(cookies.map((cookie) => [cookie.name, cookie]));
  const old = byName(before.cookies);
  const next = byName(after.cookies);
  const fields = ['provider', 'party', 'category', 'purpose', 'duration'] as const;
  const oldIds = new Set(before.categories.map((category) => category.id));
  const newIds = new Set(after.categories.map((category) => category.id));
  return {
    added: after.cookies.filter((cookie) => !old.has(cookie.name)),
    removed: before.cookies.filter((cookie) => !next.has(cookie.name)),
    changed: after.cookies.flatMap((cookie) => {
      const previous = old.get(cookie.name);
      const differing = previous ? fields.filter((field) => previous[field] !== cookie[field]) : [];
      return previous && differing.length > 0 ? [{ before: previous, after: cookie, fields: differing }] : [];
    }),
    addedCategories: after.categories.filter((category) => !oldIds.has(category.id)),
    removedCategories: before.categories.filter((category) => !newIds.has(category.id)),
  };
}
