/**
 * The schema of the cookie declaration a cookie policy version carries: its
 * consent categories and every cookie or other stored entry. The plain types
 * and the checks that span entries are in src/lib/consent/declaration.ts,
 * which the browser bundles without zod.
 */
import { z } from 'astro/zod';
import { CONSENT_SIGNALS, type ConsentSignal } from '../consent/consentMode.ts';
import { CATEGORY_IDS, STORAGE_LABELS, STORAGE_TYPES, storageOf } from '../consent/declaration.ts';
// Types the editor's metadata in .meta() below: label, hint, options.
import type {} from '../fieldMeta.ts';
import { message, requiredText } from './messages.ts';

/** The categories' Swedish names in the web editor's choices. */
const CATEGORY_OPTIONS = {
  necessary: 'Nödvändiga (necessary)',
  statistics: 'Statistik (statistics)',
  marketing: 'Marknadsföring (marketing)',
} as const satisfies Record<(typeof CATEGORY_IDS)[number], string>;

/** Google's consent signals as the web editor names them: what each lets Google's tags do. */
const SIGNAL_OPTIONS = {
  ad_storage: 'ad_storage: cookies för annonser',
  ad_user_data: 'ad_user_data: skicka uppgifter om besökaren till Google för annonser',
  ad_personalization: 'ad_personalization: anpassade annonser (remarketing)',
  analytics_storage: 'analytics_storage: cookies för Googles statistik (Google Analytics)',
  functionality_storage: 'functionality_storage: cookies för funktioner, till exempel språkval',
  personalization_storage: 'personalization_storage: cookies för anpassat innehåll, till exempel rekommendationer',
  security_storage: 'security_storage: cookies för säkerhet, till exempel skydd mot bedrägerier',
} as const satisfies Record<ConsentSignal, string>;

/** One category of cookies as a cookie policy version declares it. */
export const cookieCategorySchema = z.strictObject({
  /** The category's id: necessary, statistics or marketing. Required. */
  id: z
    .enum(CATEGORY_IDS, {
      error: (issue) => message.notOneOf('id', CATEGORY_IDS, issue.input),
    })
    .meta({
      label: 'Kategori',
      hint: 'Vilken kategori: Nödvändiga (alltid på), Statistik eller Marknadsföring. Bygget vägrar samma kategori två gånger.',
      options: CATEGORY_OPTIONS,
    }),
  /** Its Swedish name in the banner and the policy, such as "Statistik". Required. */
  title: requiredText('title', 'the Swedish name of the category').meta({
    label: 'Namn',
    hint: 'Kategorins svenska namn i bannern och i policyn, till exempel "Statistik". Får inte vara tomt.',
  }),
  /** One or two Swedish sentences on what the category's cookies are for. Required. */
  description: requiredText('description', 'what the cookies in this category are for, in Swedish').meta({
    label: 'Beskrivning',
    hint: 'En eller två meningar på svenska om vad kategorins cookies används till. Det är ändamålet besökaren samtycker till: ändras beskrivningen frågar vi besökarna igen. Får inte vara tom.',
    multiline: true,
  }),
  /**
   * The Google Consent Mode signals consent to this category grants, when Tag
   * Manager runs. Optional; left out, none: every signal no category declares is
   * sent as denied. Declared per category, because the visitor consents per
   * category: a signal is consent to a purpose, so it belongs with the purpose
   * the visitor was shown.
   */
  consentSignals: z
    .array(
      z.enum(CONSENT_SIGNALS, {
        error: (issue) => message.notOneOf('consentSignals', CONSENT_SIGNALS, issue.input),
      }),
      { error: message.notList('consentSignals', `Google consent signals (${CONSENT_SIGNALS.join(', ')})`) },
    )
    .optional()
    .meta({
      label: 'Samtyckessignaler till Google',
      hint: 'Vilka av Googles samtyckessignaler (Consent Mode) ett samtycke till kategorin ger, när webbplatsen använder Google Tag Manager. Välj bara signaler som kategorins beskrivning täcker: statistik med Matomo ger till exempel ingen signal till Google. En signal som ingen kategori anger skickas alltid som nekad. Bygget vägrar samma signal i två kategorier. Att ändra signalerna frågar besökarna igen.',
      options: SIGNAL_OPTIONS,
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

/** What a declared entry's name is, in its messages. */
const NAME = "the cookie's name, or a pattern such as _pk_id.*";

/** One cookie, or other stored entry, as a cookie policy version declares it. */
export const declaredCookieSchema = z
  .strictObject({
    /**
     * The cookie's name, or a pattern with `*` for a part that varies: `_pk_id.*`. For
     * other storage, the key or database name as the site writes it. Required.
     */
    name: z
      .string({ error: message.missing('name', NAME) })
      .min(1, message.empty('name', NAME))
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
        error: (issue) => message.notOneOf('storage', STORAGE_TYPES, issue.input, '(or left out for a cookie)'),
      })
      .optional()
      .meta({
        label: 'Lagring',
        hint: 'Var i besökarens webbläsare uppgiften sparas: som cookie, i lokal lagring, i sessionslagring eller i en databas i webbläsaren. Lämna tomt för en cookie. Lagen gäller all lagring i webbläsaren, inte bara cookies.',
        options: STORAGE_LABELS,
      }),
    /** Who sets it: "Tech Troopers" or the third party's name. Required. */
    provider: requiredText('provider', 'who sets the cookie').meta({
      label: 'Leverantör',
      hint: 'Vem som sparar uppgiften: "Tech Troopers" eller tredje partens namn. Får inte vara tomt.',
    }),
    /** Set by the site itself (first) or by another company (third). Required. */
    party: z.enum(['first', 'third'], { error: message.mustBe('party', 'first or third') }).meta({
      label: 'Part',
      hint: 'Om webbplatsen själv sparar uppgiften (första part) eller ett annat företag (tredje part).',
      options: { first: 'Första part (webbplatsen själv)', third: 'Tredje part (ett annat företag)' },
    }),
    /** What it is for, in Swedish. Required. */
    purpose: requiredText('purpose', 'what the cookie is for, in Swedish').meta({
      label: 'Syfte',
      hint: 'Vad uppgiften används till, på svenska. Får inte vara tomt.',
      multiline: true,
    }),
    /** How long it is kept, in Swedish: "13 månader", "Tills du stänger webbläsaren". Required. */
    duration: requiredText('duration', 'how long the cookie is kept, in Swedish').meta({
      label: 'Lagringstid',
      hint: 'Hur länge uppgiften sparas, på svenska: ett antal och en enhet som "13 månader" eller "1 år och 6 månader", eller "Tills du stänger webbläsaren". Skrivet så kan cookieskanningen jämföra det med vad webbläsaren faktiskt sparar. Får inte vara tom.',
    }),
    /** The id of its category. Required. */
    category: z
      .enum(CATEGORY_IDS, {
        error: (issue) => message.notOneOf('category', CATEGORY_IDS, issue.input),
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
          message: message.mustBe('name', 'a cookie name, with * where a part varies'),
        });
      }
    } else if (!STORAGE_NAME.test(entry.name)) {
      context.addIssue({
        code: 'custom',
        path: ['name'],
        message: message.mustBe(
          'name',
          `the ${entry.storage === 'indexedDB' ? 'database name' : `${entry.storage} key`} as the site writes it, on one line, with * where a part varies`,
        ),
      });
    }
  });
