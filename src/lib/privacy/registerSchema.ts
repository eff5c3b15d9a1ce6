import { z } from 'astro/zod';
import { requiredText, textList } from '../schemaText.ts';
import {
  CHANNEL_IDS,
  entryProblems,
  LEGAL_BASIS_IDS,
  RECIPIENT_ROLES,
  SAFEGUARD_IDS,
  type DataProtectionOfficer,
  type ProcessingEntry,
} from './register.ts';

const oneOf = <const T extends readonly [string, ...string[]]>(field: string, ids: T) =>
  z.enum(ids, {
    error: (issue) =>
      issue.input === undefined
        ? `"${field}" is missing: write one of ${ids.join(', ')}`
        : `"${field}" must be one of ${ids.join(', ')}, got ${JSON.stringify(issue.input)}`,
  });

/** Someone who receives the data: a processor acting for the company, or a controller of its own. */
const recipientSchema = z.strictObject({
  /** The recipient's name ("Fortnox AB") or category ("vår revisor"). Required. */
  name: requiredText('name', 'who receives the data, by name or category'),
  /** processor (personuppgiftsbiträde) or controller (självständigt personuppgiftsansvarig). Required. */
  role: oneOf('role', RECIPIENT_ROLES),
});

/** A transfer outside the EU/EEA, with its safeguard. */
const transferSchema = z.strictObject({
  /** The country, in Swedish: "USA". Required. */
  country: requiredText('country', 'the country outside the EU/EEA, in Swedish'),
  /** Who receives the data there. Optional. */
  recipient: requiredText('recipient', 'who receives the data there').optional(),
  /** adequacy, data-privacy-framework or standard-contractual-clauses. Required. */
  safeguard: oneOf('safeguard', SAFEGUARD_IDS),
});

/** Whether the person must provide the data, and what follows if they don't. */
const requirementSchema = z.strictObject({
  /** True when the person has to provide the data. Required. */
  mandatory: z.boolean({ error: '"mandatory" must be true or false' }),
  /** Why, and what follows if they don't, in Swedish. Required. */
  consequence: requiredText('consequence', "why, and what follows if the person doesn't provide the data"),
});

const channel = oneOf('tool', CHANNEL_IDS);

/** One purpose of the processing register (GDPR art. 13–14). */
export const processingEntrySchema = z
  .strictObject({
    /** The purpose (ändamål), in Swedish. Required. */
    purpose: requiredText('purpose', 'the purpose of the processing, in Swedish'),
    /** The categories of personal data. Required, at least one. */
    data: textList('data', 'the categories of personal data, in Swedish'),
    /** Whose data it is: kunder, besökare, de som kontaktar oss. Required, at least one. */
    subjects: textList('subjects', 'whose data it is, in Swedish'),
    /** The legal basis, GDPR art. 6(1)(a)–(f). Required. */
    legalBasis: oneOf('legalBasis', LEGAL_BASIS_IDS),
    /** With legitimate-interests: the interest, in words. */
    interest: requiredText('interest', 'the legitimate interest, in Swedish').optional(),
    /** With legal-obligation: the law, such as bokföringslagen (1999:1078). */
    law: requiredText('law', 'the law that requires the processing').optional(),
    /** How long the data are kept, or what decides it. Required. */
    retention: requiredText('retention', 'how long the data are kept, or what decides it'),
    /** Who receives the data; [] when nobody outside the company does. Required. */
    recipients: z.array(recipientSchema, {
      error: '"recipients" must be a list of recipients; write [] when nobody outside the company receives the data',
    }),
    /** Transfers outside the EU/EEA; [] when there are none. Required. */
    transfers: z.array(transferSchema, {
      error: '"transfers" must be a list of transfers outside the EU/EEA; write [] when there are none',
    }),
    /** Where the data come from, when not from the person (art. 14). */
    source: requiredText('source', 'where the data come from').optional(),
    /** Whether the person must provide the data (art. 13(2)(e)). Required unless `source` says they come from elsewhere. */
    required: requirementSchema.optional(),
    /** Automated decisions, profiling included (art. 22), where there are any. */
    automatedDecisions: requiredText(
      'automatedDecisions',
      'the automated decisions and what they mean for the person',
    ).optional(),
    /** The configured tool or channel the entry covers, or a list of them. Optional. */
    tool: z
      .union([channel, z.array(channel)], {
        error: `"tool" must be one of ${CHANNEL_IDS.join(', ')}, or a list of them`,
      })
      .optional(),
  })
  .superRefine((entry, context) => {
    for (const { field, message } of entryProblems(entry)) {
      context.addIssue({ code: 'custom', path: [field], message: `${message} (purpose "${entry.purpose}")` });
    }
  });

/** The data protection officer, where the company has one (GDPR art. 13(1)(b)). */
export const dpoSchema = z.strictObject({
  /** The officer's name, or the function's. Required. */
  name: requiredText('name', "the data protection officer's name"),
  /** Where to reach them. Required. */
  email: z.email({ error: '"email" must be an e-mail address' }),
  /** Optional. */
  phone: requiredText('phone', "the data protection officer's phone number").optional(),
});

// The schemas and the plain types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const registerSchemasMatchTypes: [
  Same<z.infer<typeof processingEntrySchema>, ProcessingEntry>,
  Same<z.infer<typeof dpoSchema>, DataProtectionOfficer>,
] = [true, true];
