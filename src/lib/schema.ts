import { z } from 'astro/zod';
import { declarationProblems } from './consent/declaration.ts';
import { cookieCategorySchema, declaredCookieSchema } from './consent/declarationSchema.ts';
import { isIsoDate } from './dates.ts';
import { POLICY_IDS } from './policyCatalog.ts';
import { registerProblems } from './privacy/register.ts';
import { dpoSchema, processingEntrySchema } from './privacy/registerSchema.ts';

/** What `npm run policy:new` writes until the editor writes a real summary. */
export const SUMMARY_PLACEHOLDER = 'TODO: write one line saying what changed in this version';

const required = (field: string, what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `"${field}" is missing: ${what}` : `"${field}" must be ${what}`;

/** YAML reads an unquoted 2026-11-24 as a timestamp; bring it back to the text the editor wrote. */
const asDateText = (value: unknown): unknown =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;

/** Frontmatter of one policy version: one MDX file per version. */
export const policyVersionSchema = z
  .strictObject({
    /** Which policy this file is a version of. Required. */
    policy: z.enum(POLICY_IDS, {
      error: (issue) =>
        issue.input === undefined
          ? `"policy" is missing: write one of ${POLICY_IDS.join(', ')}`
          : `"policy" must be one of ${POLICY_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
    }),
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
        }),
    ),
    /** The version label visitors see, such as "2" or "2.1". Required. */
    version: z.preprocess(
      (value) => (typeof value === 'number' ? String(value) : value),
      z
        .string({ error: required('version', 'a label such as "2"') })
        .trim()
        .min(1, '"version" must not be empty: write a label such as "2"'),
    ),
    /** One line for the changelog and the feed: what changed, in Swedish. Required. */
    summary: z
      .string({ error: required('summary', 'one line, in Swedish, saying what changed') })
      .trim()
      .min(1, '"summary" must not be empty: write one line, in Swedish, saying what changed')
      .refine((text) => !text.startsWith('TODO'), {
        error: '"summary" still holds the placeholder: replace it with one line, in Swedish, saying what changed',
      })
      .refine((text) => !text.includes('\n'), { error: '"summary" must be a single line' }),
    /** The individual changes, one short Swedish sentence each. Optional. */
    changes: z
      .array(z.string().trim().min(1, 'every item of "changes" must say something'), {
        error: '"changes" must be a list of short sentences',
      })
      .default([]),
    /** True when the change affects visitors' rights; the site marks it as such. Default false. */
    material: z.boolean({ error: '"material" must be true or false' }).default(false),
    /** True while the version is being written: shown in `astro dev`, never in a production build. Default false. */
    draft: z.boolean({ error: '"draft" must be true or false' }).default(false),
    /**
     * Cookie policy only: the consent categories this version declares. The banner
     * offers exactly these. Required for the cookie policy.
     */
    categories: z.array(cookieCategorySchema, { error: '"categories" must be a list of categories' }).optional(),
    /**
     * Cookie policy only: every cookie the site sets, with its category. The banner's
     * tables, the policy's tables and the clean-up on withdrawal come from this. Required
     * for the cookie policy.
     */
    cookies: z.array(declaredCookieSchema, { error: '"cookies" must be a list of cookies' }).optional(),
    /**
     * Privacy policy only: the processing register, one entry per purpose. A version
     * with a register shows it, and the rights, and must cover every configured tool
     * and channel. Optional.
     */
    processing: z
      .array(processingEntrySchema, { error: '"processing" must be a list of purposes' })
      .min(1, '"processing" must list at least one purpose, or be left out')
      .optional(),
    /** Privacy policy only: the data protection officer, where the company has one. Optional. */
    dpo: dpoSchema.optional(),
  })
  .superRefine((version, context) => {
    const { categories, cookies } = version;
    const only = (policy: string, fields: readonly ('categories' | 'cookies' | 'processing' | 'dpo')[]) => {
      for (const field of fields) {
        if (version[field] !== undefined) {
          context.addIssue({ code: 'custom', path: [field], message: `"${field}" belongs to the ${policy} only` });
        }
      }
    };
    for (const { index, message } of registerProblems(version.processing ?? [])) {
      context.addIssue({ code: 'custom', path: ['processing', index, 'purpose'], message });
    }
    if (version.policy !== 'cookiepolicy') {
      only('cookie policy', ['categories', 'cookies']);
      return;
    }
    only('privacy policy', ['processing', 'dpo']);
    if (categories === undefined || cookies === undefined) {
      for (const field of ['categories', 'cookies'] as const) {
        if (version[field] === undefined) {
          context.addIssue({
            code: 'custom',
            path: [field],
            message: `"${field}" is missing: a cookie policy version declares its categories and every cookie`,
          });
        }
      }
      return;
    }
    for (const { path, message } of declarationProblems({ categories, cookies })) {
      context.addIssue({ code: 'custom', path, message });
    }
  });

export type PolicyVersionData = z.infer<typeof policyVersionSchema>;
