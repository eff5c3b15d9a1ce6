// Type tests, run by Vitest's typecheck: the content schema and the plain types
// the rest of the site (and the browser, which bundles no zod) reads must
// describe the same thing, so that neither can change without the other.
import type { z } from 'astro/zod';
import { describe, expectTypeOf, it } from 'vitest';
import type { CookieCategory, DeclaredCookie } from '../../src/lib/consent/declaration.ts';
import type { DeclarationDocument } from '../../src/lib/consent/declarationDocument.ts';
import type { DataProtectionOfficer, ProcessingEntry } from '../../src/lib/privacy/register.ts';
import type { Correction, PublicationRecord, RecordEntry } from '../../src/lib/publication/record.ts';
import type {
  cookieCategorySchema,
  CookiePolicyVersion,
  correctionSchema,
  declaredCookieSchema,
  dpoSchema,
  PolicyVersionData,
  PrivacyPolicyVersion,
  processingEntrySchema,
  recordEntrySchema,
  recordSchema,
} from '../../src/lib/schema/index.ts';
import type { declarationDocumentSchema } from '../../tools/cookie-scan/declaration/schema.ts';

describe('the schemas and the plain types', () => {
  it('describe the cookie declaration alike', () => {
    expectTypeOf<z.infer<typeof cookieCategorySchema>>().toEqualTypeOf<CookieCategory>();
    expectTypeOf<z.infer<typeof declaredCookieSchema>>().toEqualTypeOf<DeclaredCookie>();
  });

  it('describe the published declaration document alike, as the cookie scan reads it', () => {
    // Each fits the other: the document's entries are an intersection type, never identical to zod's flat object.
    expectTypeOf<z.infer<typeof declarationDocumentSchema>>().toExtend<DeclarationDocument>();
    expectTypeOf<DeclarationDocument>().toExtend<z.infer<typeof declarationDocumentSchema>>();
  });

  it('describe the processing register alike', () => {
    expectTypeOf<z.infer<typeof processingEntrySchema>>().toEqualTypeOf<ProcessingEntry>();
    expectTypeOf<z.infer<typeof dpoSchema>>().toEqualTypeOf<DataProtectionOfficer>();
  });

  it('describe the record of published versions alike', () => {
    expectTypeOf<z.infer<typeof correctionSchema>>().toEqualTypeOf<Correction>();
    expectTypeOf<z.infer<typeof recordEntrySchema>>().toEqualTypeOf<RecordEntry>();
    expectTypeOf<z.infer<typeof recordSchema>>().toEqualTypeOf<PublicationRecord>();
  });
});

describe('a policy version as the site reads it', () => {
  it('is a version of one policy or the other, told apart by "policy"', () => {
    expectTypeOf<PolicyVersionData['policy']>().toEqualTypeOf<'integritetspolicy' | 'cookiepolicy'>();
    expectTypeOf<Extract<PolicyVersionData, { policy: 'cookiepolicy' }>>().toExtend<CookiePolicyVersion>();
    expectTypeOf<Extract<PolicyVersionData, { policy: 'integritetspolicy' }>>().toExtend<PrivacyPolicyVersion>();
  });

  it('may be asked for any policy’s field, which the other policy never has', () => {
    expectTypeOf<PolicyVersionData['cookies']>().toEqualTypeOf<DeclaredCookie[] | undefined>();
    expectTypeOf<PolicyVersionData['processing']>().toEqualTypeOf<ProcessingEntry[] | undefined>();
    expectTypeOf<Extract<PolicyVersionData, { policy: 'cookiepolicy' }>['processing']>().toEqualTypeOf<undefined>();
    expectTypeOf<Extract<PolicyVersionData, { policy: 'integritetspolicy' }>['cookies']>().toEqualTypeOf<undefined>();
  });
});
