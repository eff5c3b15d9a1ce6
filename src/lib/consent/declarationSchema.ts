import { z } from 'astro/zod';
import {
  CATEGORY_IDS,
  declarationProblems,
  STORAGE_TYPES,
  storageOf,
  type CookieCategory,
  type DeclaredCookie,
} from './declaration.ts';
import { DECLARATION_FORMAT, type DeclarationDocument } from './declarationDocument.ts';

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

const category = z.enum(CATEGORY_IDS, {
  error: (issue) => `"category" must be one of ${CATEGORY_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
});

const absoluteUrl = (field: string) =>
  z.url({ protocol: /^https?$/, error: `"${field}" must be an absolute http(s) URL` });

/**
 * The machine-readable declaration (`/cookiepolicy/deklaration.json`) as a
 * reader checks it: what the site publishes must be a sound declaration.
 */
export const declarationDocumentSchema = z
  .strictObject({
    /** The document's format. */
    format: z.literal(DECLARATION_FORMAT, {
      error: `"format" must be ${DECLARATION_FORMAT}: this is the format this reader understands`,
    }),
    /** The cookie policy version in force. */
    policy: z.strictObject(
      {
        version: text('version', 'the label of the cookie policy version'),
        effective: z
          .string({ error: '"effective" must be a date written YYYY-MM-DD' })
          .regex(/^\d{4}-\d{2}-\d{2}$/, '"effective" must be a date written YYYY-MM-DD'),
        url: absoluteUrl('url'),
        permanentUrl: absoluteUrl('permanentUrl'),
      },
      { error: '"policy" must say which cookie policy version is in force' },
    ),
    /** The categories, as the cookie policy declares them. */
    categories: z.array(cookieCategorySchema, { error: '"categories" must be a list of categories' }),
    /** Every declared entry; one without `storage` is a cookie, as in the declaration. */
    entries: z.array(
      declaredCookieSchema.transform((entry) => ({ ...entry, storage: storageOf(entry) })),
      { error: '"entries" must be a list of declared cookies and other storage' },
    ),
    /** The statistics and marketing tools the site is built with. */
    tools: z.array(
      z.strictObject({
        id: z.enum(['matomo', 'gtm'], { error: '"id" must be matomo or gtm' }),
        name: text('name', 'the name of the tool'),
        category,
        origins: z.array(z.url({ protocol: /^https?$/, error: 'every origin must be an http(s) origin' }), {
          error: '"origins" must be a list of the origins the tool loads from',
        }),
        urls: z.array(z.url({ protocol: /^https?$/, error: 'every URL must be an absolute http(s) URL' }), {
          error: '"urls" must be a list of the URLs the tool loads from',
        }),
      }),
      { error: '"tools" must be a list of tools' },
    ),
    /** Services outside the site the browser may call for every visitor (the consent log). */
    endpoints: z.array(
      z.strictObject({ name: text('name', 'what the endpoint is for'), url: absoluteUrl('url'), category }),
      { error: '"endpoints" must be a list of endpoints' },
    ),
  })
  .superRefine((document, context) => {
    for (const { path, message } of declarationProblems({
      categories: document.categories,
      cookies: document.entries,
    })) {
      // The document calls its cookies and other storage entries.
      const [field, ...rest] = path;
      context.addIssue({ code: 'custom', path: [field === 'cookies' ? 'entries' : field, ...rest], message });
    }
  });

// The schemas and the plain types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemasMatchTypes: [
  Same<z.infer<typeof cookieCategorySchema>, CookieCategory>,
  Same<z.infer<typeof declaredCookieSchema>, DeclaredCookie>,
  Same<z.infer<typeof declarationDocumentSchema>, DeclarationDocument>,
] = [true, true, true];
