import { z } from 'astro/zod';
import { declarationProblems } from './consent/declaration.ts';
import { cookieCategorySchema, declaredCookieSchema } from './consent/declarationSchema.ts';
import { isIsoDate } from './dates.ts';
import type { FieldMeta } from './fieldMeta.ts';
import { POLICY_IDS, type PolicyId } from './policyCatalog.ts';
import { registerProblems } from './privacy/register.ts';
import { dpoSchema, processingEntrySchema } from './privacy/registerSchema.ts';

/** What `npm run policy:new` writes until the editor writes a real summary. */
export const SUMMARY_PLACEHOLDER = 'TODO: write one line saying what changed in this version';

const required = (field: string, what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `"${field}" is missing: ${what}` : `"${field}" must be ${what}`;

/** YAML reads an unquoted 2026-11-24 as a timestamp; bring it back to the text the editor wrote. */
const asDateText = (value: unknown): unknown =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;

/** A date as the web editor checks it while the editor types: YYYY-MM-DD, month 01–12, day 01–31. */
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** How the build's messages name each policy. */
const POLICY_NAMES: Readonly<Record<PolicyId, string>> = {
  integritetspolicy: 'privacy policy',
  cookiepolicy: 'cookie policy',
};

/**
 * Frontmatter of one policy version: one MDX file per version. Every field
 * carries its Swedish label and hint for the web editor in `.meta()` (see
 * fieldMeta.ts), and a field only one policy carries says so in `only`, which
 * the check below and the editor's forms both read.
 */
export const policyVersionSchema = z
  .strictObject({
    /** Which policy this file is a version of. Required. */
    policy: z
      .enum(POLICY_IDS, {
        error: (issue) =>
          issue.input === undefined
            ? `"policy" is missing: write one of ${POLICY_IDS.join(', ')}`
            : `"policy" must be one of ${POLICY_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
      })
      .meta({ label: 'Policy', hint: 'Vilken policy filen är en version av. Redigeraren fyller i den själv.' }),
    /**
     * The day this version takes effect, YYYY-MM-DD, in Swedish time. It identifies
     * the version within its policy and becomes part of its permanent address. Required.
     */
    effective: z.preprocess(
      asDateText,
      z
        .string({ error: required('effective', 'the date the version takes effect, written YYYY-MM-DD') })
        .refine(isIsoDate, {
          error: (issue) =>
            `"effective" must be a real date written YYYY-MM-DD (like 2026-11-24), got ${JSON.stringify(issue.input)}`,
        })
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
        .min(1, '"version" must not be empty: write a label such as "2"')
        .meta({
          label: 'Versionsbeteckning',
          hint: 'Det besökarna ser, till exempel "2" eller "2.1". En ny version får nästa nummer ifyllt. Bygget vägrar en tom beteckning.',
        }),
    ),
    /** One line for the changelog and the feed: what changed, in Swedish. Required. */
    summary: z
      .string({ error: required('summary', 'one line, in Swedish, saying what changed') })
      .trim()
      .min(1, '"summary" must not be empty: write one line, in Swedish, saying what changed')
      .refine((text) => !text.startsWith('TODO'), {
        error: '"summary" still holds the placeholder: replace it with one line, in Swedish, saying what changed',
      })
      .refine((text) => !text.includes('\n'), { error: '"summary" must be a single line' })
      .meta({
        label: 'Sammanfattning',
        hint: 'En rad på svenska om vad som ändrats. Den visas i historiken, i ändringsloggen och i flödet. Bygget vägrar en tom sammanfattning och platshållaren TODO.',
        pattern: ['^(?!\\s*TODO)', 'Skriv en rad om vad som ändrats i stället för platshållaren TODO'],
      }),
    /** The individual changes, one short Swedish sentence each. Optional. */
    changes: z
      .array(z.string().trim().min(1, 'every item of "changes" must say something'), {
        error: '"changes" must be a list of short sentences',
      })
      .default([])
      .meta({
        label: 'Ändringar',
        item: 'ändring',
        hint: 'De enskilda ändringarna, en kort mening på svenska var. De visas under sammanfattningen. Valfritt, men bygget vägrar en tom rad.',
      }),
    /** True when the change affects visitors' rights; the site marks it as such. Default false. */
    material: z.boolean({ error: '"material" must be true or false' }).default(false).meta({
      label: 'Väsentlig ändring',
      hint: 'Slå på när ändringen påverkar besökarnas rättigheter eller hur deras uppgifter behandlas. Webbplatsen markerar då versionen som väsentlig. Ge den ett datum en tid framåt, så att den visas som kommande och besökarna hinner läsa den innan den börjar gälla.',
    }),
    /** True while the version is being written: shown in `astro dev`, never in a production build. Default false. */
    draft: z.boolean({ error: '"draft" must be true or false' }).default(false).meta({
      label: 'Under arbete (publiceras inte)',
      hint: 'Slå på medan versionen inte är klar: den syns då i förhandsvisningen på din dator men publiceras aldrig, inte ens när den har godkänts. Slå av när den ska publiceras; den granskas då innan den publiceras.',
    }),
    /**
     * Cookie policy only: the consent categories this version declares. The banner
     * offers exactly these. Required for the cookie policy.
     */
    categories: z
      .array(cookieCategorySchema, { error: '"categories" must be a list of categories' })
      .optional()
      .meta({
        label: 'Kategorier',
        item: 'kategori',
        summary: '{{fields.title}}',
        hint: 'Samtyckeskategorierna som bannern erbjuder, i den ordning besökarna ser dem. Bygget vägrar en cookiepolicy utan kategorier, en kategori som finns två gånger och en deklaration utan Nödvändiga.',
        only: { policy: 'cookiepolicy', required: 'a cookie policy version declares its categories and every cookie' },
      }),
    /**
     * Cookie policy only: every cookie the site sets, with its category. The banner's
     * tables, the policy's tables and the clean-up on withdrawal come from this. Required
     * for the cookie policy.
     */
    cookies: z
      .array(declaredCookieSchema, { error: '"cookies" must be a list of cookies' })
      .optional()
      .meta({
        label: 'Cookies och annan lagring',
        item: 'post',
        summary: '{{fields.name}}',
        hint: 'Varje cookie som webbplatsen sätter, och allt annat den sparar i besökarens webbläsare (lokal lagring, sessionslagring, databaser). Bannern, tabellerna i policyn och rensningen när någon återkallar sitt samtycke kommer härifrån. Bygget vägrar en post i en kategori som inte finns, samma namn två gånger, en deklaration utan samtyckescookien och en cookie från ett verktyg som webbplatsen använder men som inte finns här.',
        only: { policy: 'cookiepolicy', required: 'a cookie policy version declares its categories and every cookie' },
      }),
    /**
     * Privacy policy only: the processing register, one entry per purpose. A version
     * with a register shows it, and the rights, and must cover every configured tool
     * and channel. Optional.
     */
    processing: z
      .array(processingEntrySchema, { error: '"processing" must be a list of purposes' })
      .min(1, '"processing" must list at least one purpose, or be left out')
      .optional()
      .meta({
        label: 'Behandlingar',
        item: 'behandling',
        summary: '{{fields.purpose}}',
        hint: 'Registret över hur personuppgifter behandlas, ett ändamål per post (dataskyddsförordningen artikel 13–14). Det visas som "Så behandlar vi dina personuppgifter", följt av dina rättigheter. Valfritt, men när det finns måste det täcka varje verktyg och kanal som webbplatsen använder; bygget säger vilket som saknas.',
        only: { policy: 'integritetspolicy' },
      }),
    /** Privacy policy only: the data protection officer, where the company has one. Optional. */
    dpo: dpoSchema.optional().meta({
      label: 'Dataskyddsombud',
      hint: 'Bara om företaget har utsett ett dataskyddsombud: namn och e-post, och telefon om ni vill. Lämna tomt annars.',
      only: { policy: 'integritetspolicy' },
    }),
  })
  .superRefine((version, context) => {
    const { categories, cookies } = version;
    for (const { index, message } of registerProblems(version.processing ?? [])) {
      context.addIssue({ code: 'custom', path: ['processing', index, 'purpose'], message });
    }
    const onlyFields = policyOnlyFields();
    for (const [field, { policy }] of onlyFields) {
      if (version.policy !== policy && version[field] !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `"${field}" belongs to the ${POLICY_NAMES[policy]} only`,
        });
      }
    }
    for (const [field, { policy, required }] of onlyFields) {
      if (version.policy === policy && required && version[field] === undefined) {
        context.addIssue({ code: 'custom', path: [field], message: `"${field}" is missing: ${required}` });
      }
    }
    if (version.policy !== 'cookiepolicy' || categories === undefined || cookies === undefined) return;
    for (const { path, message } of declarationProblems({ categories, cookies })) {
      context.addIssue({ code: 'custom', path, message });
    }
  });

type VersionField = keyof typeof policyVersionSchema.shape;

/** The fields that only one policy carries, from their metadata, in schema order. */
export function policyOnlyFields(): [VersionField, NonNullable<FieldMeta['only']>][] {
  return Object.entries(policyVersionSchema.shape).flatMap(([field, schema]) => {
    const only = schema.meta()?.only;
    return only ? [[field as VersionField, only]] : [];
  });
}

export type PolicyVersionData = z.infer<typeof policyVersionSchema>;
