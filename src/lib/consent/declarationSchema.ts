import { z } from 'astro/zod';
import { CATEGORY_IDS, type CookieCategory, type DeclaredCookie } from './declaration.ts';

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

// The schemas and the plain types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemasMatchTypes: [
  Same<z.infer<typeof cookieCategorySchema>, CookieCategory>,
  Same<z.infer<typeof declaredCookieSchema>, DeclaredCookie>,
] = [true, true];
