import { z } from 'astro/zod';
import { CATEGORY_IDS, STORAGE_TYPES, storageOf, type CookieCategory, type DeclaredCookie } from './declaration.ts';

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

/** What may be in a cookie's name (RFC 6265's token characters), plus `*` for a part that varies. */
const COOKIE_NAME = /^[!#$%&'+\-.^_`|~0-9A-Za-z*]+$/;

/** Storage keys and database names may hold almost anything, but not control characters or line breaks. */
const STORAGE_NAME = /^[^\p{Cc}]+$/u;

/** One cookie, or other stored entry, as a cookie policy version declares it. */
export const declaredCookieSchema = z
  .strictObject({
    /**
     * The cookie's name, or a pattern with `*` for a part that varies: `_pk_id.*`. For
     * other storage, the key or database name as the site writes it. Required.
     */
    name: z
      .string({ error: '"name" is missing: the cookie\'s name, or a pattern such as _pk_id.*' })
      .min(1, '"name" must not be empty: the cookie\'s name, or a pattern such as _pk_id.*'),
    /**
     * Where it is stored: cookie, localStorage, sessionStorage or indexedDB. Optional;
     * left out, the entry is a cookie.
     */
    storage: z
      .enum(STORAGE_TYPES, {
        error: (issue) =>
          `"storage" must be one of ${STORAGE_TYPES.join(', ')} (or left out for a cookie), got ${JSON.stringify(issue.input)}`,
      })
      .optional(),
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
  })
  .superRefine((entry, context) => {
    // Which characters a name may hold depends on where it is stored.
    if (entry.name === '') return;
    if (storageOf(entry) === 'cookie') {
      if (!COOKIE_NAME.test(entry.name)) {
        context.addIssue({
          code: 'custom',
          path: ['name'],
          message: '"name" must be a cookie name, with * where a part varies',
        });
      }
    } else if (!STORAGE_NAME.test(entry.name)) {
      context.addIssue({
        code: 'custom',
        path: ['name'],
        message: `"name" must be the ${entry.storage === 'indexedDB' ? 'database name' : `${entry.storage} key`} as the site writes it, on one line, with * where a part varies`,
      });
    }
  });

// The schemas and the plain types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemasMatchTypes: [
  Same<z.infer<typeof cookieCategorySchema>, CookieCategory>,
  Same<z.infer<typeof declaredCookieSchema>, DeclaredCookie>,
] = [true, true];
