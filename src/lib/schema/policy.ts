/**
 * Frontmatter of one policy version: one MDX file per version. The fields both
 * policies share are the base schema, which each policy's schema extends with
 * its own: the cookie policy with its declaration, the privacy policy with its
 * processing register. The collection is one, with a `policy` field that says
 * which schema a file is checked against.
 *
 * Every field carries its Swedish label and hint for the web editor in
 * `.meta()` (see fieldMeta.ts), and a field only one policy carries says so in
 * `only`, which the editor's forms read.
 */
import { z } from 'astro/zod';
import { declarationProblems } from '../consent/declaration.ts';
import { isIsoDate } from '../dates.ts';
import type { FieldMeta } from '../fieldMeta.ts';
import { POLICY_IDS, type PolicyId } from '../policyCatalog.ts';
import { cookieCategorySchema, declaredCookieSchema } from './declaration.ts';
import { message, oneOf, required, trueOrFalse } from './messages.ts';
import { dpoSchema, processingRegisterSchema } from './register.ts';

/** What `npm run policy:new` writes until the editor writes a real summary. */
export const SUMMARY_PLACEHOLDER = 'TODO: write one line saying what changed in this version';

/** A date as the web editor checks it while the editor types: YYYY-MM-DD, month 01–12, day 01–31. */
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** YAML reads an unquoted 2026-11-24 as a timestamp; bring it back to the text the editor wrote. */
const asDateText = (value: unknown): unknown =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;

/** Which policy a file is a version of: any policy in the base, one in each policy's schema. */
const policyField = <const T extends readonly [PolicyId, ...PolicyId[]]>(ids: T) =>
  oneOf('policy', ids).meta({
    label: 'Policy',
    hint: 'Vilken policy filen är en version av. Redigeraren fyller i den själv.',
  });

/** Why the cookie policy's declaration is required, in the message that says it is missing. */
const DECLARATION_REQUIRED = 'a cookie policy version declares its categories and every cookie';

/** The fields every version of either policy carries. */
export const policyBaseSchema = z.strictObject({
  /** Which policy this file is a version of. Required. */
  policy: policyField(POLICY_IDS),
  /**
   * The day this version takes effect, YYYY-MM-DD, in Swedish time. It identifies
   * the version within its policy and becomes part of its permanent address. Required.
   */
  effective: z.preprocess(
    asDateText,
    z
      .string({ error: required('effective', 'the date the version takes effect, written YYYY-MM-DD') })
      .refine(isIsoDate, { error: (issue) => message.notDate('effective', issue.input) })
      .meta({
        label: 'Gäller från',
        hint: 'Dagen versionen börjar gälla, skriven ÅÅÅÅ-MM-DD. Datumet blir en del av versionens permanenta adress och filens namn, och kan inte ändras när versionen väl är sparad. Bygget vägrar ett datum som inte finns och två versioner av samma policy med samma datum.',
        pattern: [DATE_PATTERN, 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-15'],
      }),
  ),
  /** The version label visitors see, such as "2" or "2.1". Required. */
  version: z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .string({ error: required('version', 'a label such as "2"') })
      .trim()
      .min(1, message.empty('version', 'write a label such as "2"'))
      .meta({
        label: 'Versionsbeteckning',
        hint: 'Det besökarna ser, till exempel "2" eller "2.1". En ny version får nästa nummer ifyllt. Bygget vägrar en tom beteckning.',
      }),
  ),
  /** One line for the changelog and the feed: what changed, in Swedish. Required. */
  summary: z
    .string({ error: required('summary', 'one line, in Swedish, saying what changed') })
    .trim()
    .min(1, message.empty('summary', 'write one line, in Swedish, saying what changed'))
    .refine((text) => !text.startsWith('TODO'), {
      error: '"summary" still holds the placeholder: replace it with one line, in Swedish, saying what changed',
    })
    .refine((text) => !text.includes('\n'), { error: message.mustBe('summary', 'a single line') })
    .meta({
      label: 'Sammanfattning',
      hint: 'En rad på svenska om vad som ändrats. Den visas i historiken, i ändringsloggen och i flödet. Bygget vägrar en tom sammanfattning och platshållaren TODO.',
      pattern: ['^(?!\\s*TODO)', 'Skriv en rad om vad som ändrats i stället för platshållaren TODO'],
    }),
  /** The individual changes, one short Swedish sentence each. Optional. */
  changes: z
    .array(z.string().trim().min(1, 'every item of "changes" must say something'), {
      error: message.notList('changes', 'short sentences'),
    })
    .default([])
    .meta({
      label: 'Ändringar',
      item: 'ändring',
      hint: 'De enskilda ändringarna, en kort mening på svenska var. De visas under sammanfattningen. Valfritt, men bygget vägrar en tom rad.',
    }),
  /** True when the change affects visitors' rights; the site marks it as such. Default false. */
  material: trueOrFalse('material').default(false).meta({
    label: 'Väsentlig ändring',
    hint: 'Slå på när ändringen påverkar besökarnas rättigheter eller hur deras uppgifter behandlas. Webbplatsen markerar då versionen som väsentlig. Ge den ett datum en tid framåt, så att den visas som kommande och besökarna hinner läsa den innan den börjar gälla.',
  }),
  /** True while the version is being written: shown in `astro dev`, never in a production build. Default false. */
  draft: trueOrFalse('draft').default(false).meta({
    label: 'Under arbete (publiceras inte)',
    hint: 'Slå på medan versionen inte är klar: den syns då i förhandsvisningen på din dator men publiceras aldrig, inte ens när den har godkänts. Slå av när den ska publiceras; den granskas då innan den publiceras.',
  }),
});

/** The fields only a cookie policy version carries: its declaration. */
const cookieFields = {
  /** The consent categories this version declares. The banner offers exactly these. Required. */
  categories: z
    .array(cookieCategorySchema, { error: message.notList('categories', 'categories') })
    .optional()
    .meta({
      label: 'Kategorier',
      item: 'kategori',
      summary: '{{fields.title}}',
      hint: 'Samtyckeskategorierna som bannern erbjuder, i den ordning besökarna ser dem. Bygget vägrar en cookiepolicy utan kategorier, en kategori som finns två gånger och en deklaration utan Nödvändiga.',
      only: { policy: 'cookiepolicy', required: DECLARATION_REQUIRED },
    }),
  /**
   * Every cookie, and other stored entry, the site sets, with its category. The banner's
   * tables, the policy's tables and the clean-up on withdrawal come from this. Required.
   */
  cookies: z
    .array(declaredCookieSchema, { error: message.notList('cookies', 'cookies') })
    .optional()
    .meta({
      label: 'Cookies och annan lagring',
      item: 'post',
      summary: '{{fields.name}}',
      hint: 'Varje cookie som webbplatsen sätter, och allt annat den sparar i besökarens webbläsare (lokal lagring, sessionslagring, databaser). Bannern, tabellerna i policyn och rensningen när någon återkallar sitt samtycke kommer härifrån. Bygget vägrar en post i en kategori som inte finns, samma namn två gånger, en deklaration utan samtyckescookien och en cookie från ett verktyg som webbplatsen använder men som inte finns här.',
      only: { policy: 'cookiepolicy', required: DECLARATION_REQUIRED },
    }),
};

/** The fields only a privacy policy version carries: its processing register and data protection officer. */
const privacyFields = {
  /**
   * The processing register, one entry per purpose. A version with a register
   * shows it, and the rights, and must cover every configured system. Optional.
   */
  processing: processingRegisterSchema.optional().meta({
    label: 'Behandlingar',
    item: 'behandling',
    summary: '{{fields.purpose}}',
    hint: 'Registret över hur personuppgifter behandlas, ett ändamål per post (dataskyddsförordningen artikel 13–14). Det visas som "Så behandlar vi dina personuppgifter", följt av dina rättigheter. Valfritt, men när det finns måste det täcka varje verktyg och kanal som webbplatsen använder; bygget säger vilket som saknas.',
    only: { policy: 'integritetspolicy' },
  }),
  /**
   * Where letters about personal data go, one line of the envelope each. The
   * contact page offers a letter, after e-mail, to this address; without it, to
   * the company's address. Optional.
   */
  letterAddress: z
    .array(z.string().trim().min(1, 'every line of "letterAddress" must say something'), {
      error: message.notList('letterAddress', 'the lines of a postal address'),
    })
    .min(3, '"letterAddress" needs at least the recipient, the street and the postal code and town, one line each')
    .optional()
    .meta({
      label: 'Postadress för brev om personuppgifter',
      item: 'rad',
      hint: 'Dit besökarna kan skicka brev om sina personuppgifter, till exempel en begäran om registerutdrag, en rad per rad på kuvertet: företaget, en eventuell avdelning eller mottagare, gatuadressen, postnummer och ort. Kontaktsidan erbjuder då brev som ett sätt vid sidan av e-post och skriver adressen i brevet. Lämna tomt för att använda företagets adress. Bygget vägrar en tom rad och en adress på färre än tre rader.',
      only: { policy: 'integritetspolicy' },
    }),
  /** The data protection officer, where the company has one. Optional. */
  dpo: dpoSchema.optional().meta({
    label: 'Dataskyddsombud',
    hint: 'Bara om företaget har utsett ett dataskyddsombud: namn och e-post, och telefon om ni vill. Lämna tomt annars.',
    only: { policy: 'integritetspolicy' },
  }),
};

/** A version of the cookie policy: the base, and the declaration. */
export const cookiePolicySchema = policyBaseSchema
  .extend({ policy: policyField(['cookiepolicy']), ...cookieFields })
  // The declaration is optional in the object, so that the editor's form does not take an
  // empty list for a missing one, and required here, with a message that says why.
  .superRefine((version, context) => {
    const { categories, cookies } = version;
    for (const field of ['categories', 'cookies'] as const) {
      if (version[field] === undefined) {
        context.addIssue({ code: 'custom', path: [field], message: message.missing(field, DECLARATION_REQUIRED) });
      }
    }
    if (categories === undefined || cookies === undefined) return;
    for (const { path, message: text } of declarationProblems({ categories, cookies })) {
      context.addIssue({ code: 'custom', path, message: text });
    }
  });

/** A version of the privacy policy: the base, and where there is one, the processing register. */
export const privacyPolicySchema = policyBaseSchema.extend({
  policy: policyField(['integritetspolicy']),
  ...privacyFields,
});

/** Each policy's schema: the fields a version of it may carry, for the web editor's forms. */
export const policySchemas = {
  integritetspolicy: privacyPolicySchema,
  cookiepolicy: cookiePolicySchema,
} as const satisfies Record<PolicyId, z.ZodObject>;

type PolicyField = keyof typeof cookiePolicySchema.shape | keyof typeof privacyPolicySchema.shape;

/** The fields that only one policy carries, from their metadata, in schema order. */
export function policyOnlyFields(): [PolicyField, NonNullable<FieldMeta['only']>][] {
  return POLICY_IDS.flatMap((policy) =>
    Object.entries(policySchemas[policy].shape).flatMap(
      ([field, schema]): [PolicyField, NonNullable<FieldMeta['only']>][] => {
        const only = schema.meta()?.only;
        return only ? [[field as PolicyField, only]] : [];
      },
    ),
  );
}

/**
 * A field only `policy` carries, in a version of the other: refused by name,
 * and typed as absent, so that code reading any version may ask for it. The
 * refusal lets the version's other checks run: a misplaced field is no reason
 * not to say what else is wrong.
 */
const otherPolicysField = (field: string, policy: PolicyId) =>
  z
    .custom<undefined>((value) => value === undefined, { error: message.otherPolicy(field, policy), abort: false })
    .optional();

/** Every field of `fields`, which only `policy` carries, refused. */
const refused = <F extends string>(fields: Record<F, unknown>, policy: PolicyId) =>
  Object.fromEntries(Object.keys(fields).map((field) => [field, otherPolicysField(field, policy)])) as {
    [K in F]: ReturnType<typeof otherPolicysField>;
  };

/**
 * The collection's schema: a version of either policy, by its `policy`, with
 * the fields of the other refused by name. A file without a known `policy`
 * is refused with the policies there are.
 */
export const policyVersionSchema = z.discriminatedUnion(
  'policy',
  [
    privacyPolicySchema.safeExtend(refused(cookieFields, 'cookiepolicy')),
    cookiePolicySchema.safeExtend(refused(privacyFields, 'integritetspolicy')),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? message.oneOf('policy', POLICY_IDS, (issue.input as { policy?: unknown }).policy)
        : undefined,
  },
);

/** A policy version's frontmatter, as the collection holds it: a version of either policy. */
export type PolicyVersionData = z.infer<typeof policyVersionSchema>;
/** A cookie policy version's frontmatter. */
export type CookiePolicyVersion = z.infer<typeof cookiePolicySchema>;
/** A privacy policy version's frontmatter. */
export type PrivacyPolicyVersion = z.infer<typeof privacyPolicySchema>;
