// The machine-readable declaration (`/cookiepolicy/deklaration.json`) as the
// cookie scan reads it. The site only writes the document; its reader lives here.
import { z } from 'astro/zod';
import { CATEGORY_IDS, declarationProblems, storageOf } from '#lib/consent/declaration.ts';
import { DECLARATION_FORMAT } from '#lib/consent/declarationDocument.ts';
import { cookieCategorySchema, declaredCookieSchema, message, requiredText as text } from '#lib/schema/index.ts';

const category = z.enum(CATEGORY_IDS, { error: (issue) => message.notOneOf('category', CATEGORY_IDS, issue.input) });

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
