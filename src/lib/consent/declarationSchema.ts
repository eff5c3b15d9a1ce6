import { z } from 'astro/zod';
// Types the editor's metadata in .meta() below: label, hint, options.
import type {} from '../fieldMeta.ts';
import {
  CATEGORY_IDS,
  STORAGE_LABELS,
  STORAGE_TYPES,
  storageOf,
  type CookieCategory,
  type DeclaredCookie,
} from './declaration.ts';

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

/** What may be in a cookie's name (RFC 6265's token characters), plus `*` for a part that varies. */
const COOKIE_NAME = /^[!#$%&'+\-.^_`|~0-9A-Za-z*]+$/;

/** Storage keys and database names may hold almost anything, but not control characters or line breaks. */
const STORAGE_NAME = /^[^\p{Cc}]+$/u;

/**
 * The same rule for the web editor, which checks a name while the editor types.
 * Which characters a name may hold depends on the entry's storage, which a
 * pattern cannot see: the editor checks what every name must meet, one line
 * without control characters, and the build checks a cookie's name in full.
 * Decap compiles it without the `u` flag, so the control characters are spelled out.
 */
const EDITOR_NAME = '^[^\\u0000-\\u001F\\u007F-\\u009F]+$';

/** One cookie, or other stored entry, as a cookie policy version declares it. */
export const declaredCookieSchema = z
  .strictObject({
    /**
     * The cookie's name, or a pattern with `*` for a part that varies: `_pk_id.*`. For
     * other storage, the key or database name as the site writes it. Required.
     */
    name: z
      .string({ error: '"name" is missing: the cookie\'s name, or a pattern such as _pk_id.*' })
      .min(1, '"name" must not be empty: the cookie\'s name, or a pattern such as _pk_id.*')
      .meta({
        label: 'Namn',
        hint: 'Cookiens namn, eller ett mönster med * där en del varierar: _pk_id.*. För annan lagring nyckeln eller databasens namn så som webbplatsen skriver det. Bygget vägrar ett cookienamn med mellanslag eller tecken som inte får finnas i ett cookienamn, och samma namn två gånger.',
        pattern: [EDITOR_NAME, 'Skriv namnet på en rad, med * där en del varierar, till exempel _pk_id.*'],
      }),
    /**
     * Where it is stored: cookie, localStorage, sessionStorage or indexedDB. Optional;
     * left out, the entry is a cookie.
     */
    storage: z
      .enum(STORAGE_TYPES, {
        error: (issue) =>
          `"storage" must be one of ${STORAGE_TYPES.join(', ')} (or left out for a cookie), got ${JSON.stringify(issue.input)}`,
      })
      .optional()
      .meta({
        label: 'Lagring',
        hint: 'Var i besökarens webbläsare uppgiften sparas: som cookie, i lokal lagring, i sessionslagring eller i en databas i webbläsaren. Lämna tomt för en cookie. Lagen gäller all lagring i webbläsaren, inte bara cookies.',
        options: STORAGE_LABELS,
      }),
    /** Who sets it: "Tech Troopers" or the third party's name. Required. */
    provider: text('provider', 'who sets the cookie').meta({
      label: 'Leverantör',
      hint: 'Vem som sparar uppgiften: "Tech Troopers" eller tredje partens namn. Får inte vara tomt.',
    }),
    /** Set by the site itself (first) or by another company (third). Required. */
    party: z.enum(['first', 'third'], { error: '"party" must be first or third' }).meta({
      label: 'Part',
      hint: 'Om webbplatsen själv sparar uppgiften (första part) eller ett annat företag (tredje part).',
      options: { first: 'Första part (webbplatsen själv)', third: 'Tredje part (ett annat företag)' },
    }),
    /** What it is for, in Swedish. Required. */
    purpose: text('purpose', 'what the cookie is for, in Swedish').meta({
      label: 'Syfte',
      hint: 'Vad uppgiften används till, på svenska. Får inte vara tomt.',
      multiline: true,
    }),
    /** How long it is kept, in Swedish: "13 månader", "Tills du stänger webbläsaren". Required. */
    duration: text('duration', 'how long the cookie is kept, in Swedish').meta({
      label: 'Lagringstid',
      hint: 'Hur länge uppgiften sparas, på svenska: ett antal och en enhet som "13 månader" eller "1 år och 6 månader", eller "Tills du stänger webbläsaren". Skrivet så kan cookieskanningen jämföra det med vad webbläsaren faktiskt sparar. Får inte vara tom.',
    }),
    /** The id of its category. Required. */
    category: z
      .enum(CATEGORY_IDS, {
        error: (issue) => `"category" must be one of ${CATEGORY_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
      })
      .meta({
        label: 'Kategori',
        hint: 'Kategorin uppgiften hör till. Bygget vägrar en kategori som versionen inte anger under Kategorier.',
        options: CATEGORY_OPTIONS,
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
