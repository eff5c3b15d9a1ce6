import { z } from 'astro/zod';
// Types the editor's metadata in .meta() below: label, hint, options.
import type {} from '../fieldMeta.ts';
import { CATEGORY_IDS, type CookieCategory, type DeclaredCookie } from './declaration.ts';

const text = (field: string, what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `"${field}" is missing: ${what}` : `"${field}" must be text: ${what}`,
    })
    .trim()
    .min(1, `"${field}" must not be empty: ${what}`);

/** The categories' Swedish names in the web editor's choices. */
const CATEGORY_OPTIONS = {
  necessary: 'Nödvändiga (necessary)',
  statistics: 'Statistik (statistics)',
  marketing: 'Marknadsföring (marketing)',
} as const satisfies Record<(typeof CATEGORY_IDS)[number], string>;

/** What a cookie's name may hold: the characters of a cookie name, and `*` where a part varies. */
const COOKIE_NAME = /^[!#$%&'+\-.^_`|~0-9A-Za-z*]+$/;

/** One category of cookies as a cookie policy version declares it. */
export const cookieCategorySchema = z.strictObject({
  /** The category's id: necessary, statistics or marketing. Required. */
  id: z
    .enum(CATEGORY_IDS, {
      error: (issue) => `"id" must be one of ${CATEGORY_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
    })
    .meta({
      label: 'Kategori',
      hint: 'Vilken kategori: Nödvändiga (alltid på), Statistik eller Marknadsföring. Bygget vägrar samma kategori två gånger.',
      options: CATEGORY_OPTIONS,
    }),
  /** Its Swedish name in the banner and the policy, such as "Statistik". Required. */
  title: text('title', 'the Swedish name of the category').meta({
    label: 'Namn',
    hint: 'Kategorins svenska namn i bannern och i policyn, till exempel "Statistik". Får inte vara tomt.',
  }),
  /** One or two Swedish sentences on what the category's cookies are for. Required. */
  description: text('description', 'what the cookies in this category are for, in Swedish').meta({
    label: 'Beskrivning',
    hint: 'En eller två meningar på svenska om vad kategorins cookies används till. Får inte vara tom.',
    multiline: true,
  }),
});

/** One cookie as a cookie policy version declares it. */
export const declaredCookieSchema = z.strictObject({
  /** The cookie's name, or a pattern with `*` for a part that varies: `_pk_id.*`. Required. */
  name: z
    .string({ error: '"name" is missing: the cookie\'s name, or a pattern such as _pk_id.*' })
    .regex(COOKIE_NAME, '"name" must be a cookie name, with * where a part varies')
    .meta({
      label: 'Namn',
      hint: 'Cookiens namn, eller ett mönster med * där en del varierar: _pk_id.*. Bygget vägrar mellanslag och tecken som inte får finnas i ett cookienamn, och samma namn två gånger.',
      pattern: [
        COOKIE_NAME.source,
        'Skriv cookiens namn utan mellanslag, med * där en del varierar, till exempel _pk_id.*',
      ],
    }),
  /** Who sets it: "Tech Troopers" or the third party's name. Required. */
  provider: text('provider', 'who sets the cookie').meta({
    label: 'Leverantör',
    hint: 'Vem som sätter cookien: "Tech Troopers" eller tredje partens namn. Får inte vara tomt.',
  }),
  /** Set by the site itself (first) or by another company (third). Required. */
  party: z.enum(['first', 'third'], { error: '"party" must be first or third' }).meta({
    label: 'Part',
    hint: 'Om webbplatsen själv sätter cookien (första part) eller ett annat företag (tredje part).',
    options: { first: 'Första part (webbplatsen själv)', third: 'Tredje part (ett annat företag)' },
  }),
  /** What it is for, in Swedish. Required. */
  purpose: text('purpose', 'what the cookie is for, in Swedish').meta({
    label: 'Syfte',
    hint: 'Vad cookien används till, på svenska. Får inte vara tomt.',
    multiline: true,
  }),
  /** How long it is kept, in Swedish: "13 månader", "Tills du stänger webbläsaren". Required. */
  duration: text('duration', 'how long the cookie is kept, in Swedish').meta({
    label: 'Lagringstid',
    hint: 'Hur länge cookien sparas, på svenska: "13 månader", "Tills du stänger webbläsaren". Får inte vara tom.',
  }),
  /** The id of its category. Required. */
  category: z
    .enum(CATEGORY_IDS, {
      error: (issue) => `"category" must be one of ${CATEGORY_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
    })
    .meta({
      label: 'Kategori',
      hint: 'Kategorin cookien hör till. Bygget vägrar en kategori som versionen inte anger under Kategorier.',
      options: CATEGORY_OPTIONS,
    }),
});

// The schemas and the plain types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemasMatchTypes: [
  Same<z.infer<typeof cookieCategorySchema>, CookieCategory>,
  Same<z.infer<typeof declaredCookieSchema>, DeclaredCookie>,
] = [true, true];
