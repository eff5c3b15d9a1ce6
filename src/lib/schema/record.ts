/**
 * The schema of the record of published versions (published.json). What the
 * record means, and every function over it, is in src/lib/publication/record.ts.
 */
import { z } from 'astro/zod';
import { isIsoDate } from '../dates.ts';
import { POLICY_IDS } from '../policyCatalog.ts';
import { recordMessage } from './messages.ts';

const hash = z.string().regex(/^[0-9a-f]{64}$/, recordMessage.hash);
const date = z.string().refine(isIsoDate, recordMessage.date);
const time = z.string().refine((value) => !Number.isNaN(Date.parse(value)), recordMessage.time);
const text = z.string().trim().min(1, recordMessage.empty);

/** A correction recorded for a published version. */
export const correctionSchema = z.strictObject({ date, note: text, sha256: hash, recorded: time });

/** One published version. */
export const recordEntrySchema = z.strictObject({
  policy: z.enum(POLICY_IDS, recordMessage.notOneOf(POLICY_IDS)),
  effective: date,
  version: text,
  file: z.string().regex(/^[a-z]+\/[^/]+\.mdx$/, recordMessage.file),
  sha256: hash,
  recorded: time,
  corrections: z.array(correctionSchema),
});

/** The whole record: every published version. */
export const recordSchema = z.strictObject({ versions: z.array(recordEntrySchema) });
