/**
 * Every message the content schema gives, in one place: each fault is worded
 * once, and every schema builds its messages from these, so that the same
 * fault reads the same in every field. The messages name the field as the
 * editor wrote it ("effective"), say what is wrong and what belongs there.
 */
import { z } from 'astro/zod';
import type { PolicyId } from '../policyCatalog.ts';

/** How the messages name each policy. */
export const POLICY_NAMES: Readonly<Record<PolicyId, string>> = {
  integritetspolicy: 'privacy policy',
  cookiepolicy: 'cookie policy',
};

/** The messages of the content schema, by fault. */
export const message = {
  /** The field is left out. */
  missing: (field: string, what: string) => `"${field}" is missing: ${what}`,
  /** The field holds something else than it must. */
  mustBe: (field: string, what: string) => `"${field}" must be ${what}`,
  /** The field holds only white space, or nothing. */
  empty: (field: string, what: string) => `"${field}" must not be empty: ${what}`,
  /** A choice the field does not offer; `note` goes before what was found. */
  notOneOf: (field: string, ids: readonly string[], input: unknown, note?: string) =>
    `"${field}" must be one of ${ids.join(', ')}${note ? ` ${note}` : ''}, got ${JSON.stringify(input)}`,
  /** A choice left out, or one the field does not offer. */
  oneOf: (field: string, ids: readonly string[], input: unknown) =>
    input === undefined
      ? message.missing(field, `write one of ${ids.join(', ')}`)
      : message.notOneOf(field, ids, input),
  /** A switch that is not a switch. */
  notBoolean: (field: string) => `"${field}" must be true or false`,
  /** A list that is not a list. */
  notList: (field: string, items: string) => `"${field}" must be a list of ${items}`,
  /** A date that is not a real one, as it was written. */
  notDate: (field: string, input: unknown) =>
    `"${field}" must be a real date written YYYY-MM-DD (like 2026-11-24), got ${JSON.stringify(input)}`,
  /** A field of the other policy. */
  otherPolicy: (field: string, policy: PolicyId) => `"${field}" belongs to the ${POLICY_NAMES[policy]} only`,
} as const;

/**
 * The messages of the record of published versions (published.json). Its
 * reader names the field before each (`versions[0].sha256: is missing`).
 */
export const recordMessage = {
  missing: 'is missing',
  hash: 'must be a SHA-256, 64 lowercase hex digits',
  date: 'must be a date written YYYY-MM-DD',
  time: 'must be a time in ISO 8601',
  empty: 'must not be empty',
  file: 'must be <policy>/<file>.mdx',
  notOneOf: (ids: readonly string[]) => `must be one of ${ids.join(', ')}`,
} as const;

/**
 * The error of a field the schema requires: "is missing" when it is left out,
 * what it must be otherwise. `mustBe` defaults to `what`.
 */
export const required =
  (field: string, what: string, mustBe: string = what) =>
  (issue: { input: unknown }) =>
    issue.input === undefined ? message.missing(field, what) : message.mustBe(field, mustBe);

/** A required piece of text: trimmed, never empty, with messages that say what belongs in it. */
export const requiredText = (field: string, what: string) =>
  z
    .string({ error: required(field, what, `text: ${what}`) })
    .trim()
    .min(1, message.empty(field, what));

/** A list of at least one required piece of text. */
export const textList = (field: string, what: string) =>
  z
    .array(requiredText(field, what), { error: message.mustBe(field, `a list: ${what}`) })
    .min(1, `"${field}" must list at least one: ${what}`);

/** One of `ids`, named when it is missing and when it is not one of them. */
export const oneOf = <const T extends readonly [string, ...string[]]>(field: string, ids: T) =>
  z.enum(ids, { error: (issue) => message.oneOf(field, ids, issue.input) });

/** True or false, and nothing else. */
export const trueOrFalse = (field: string) => z.boolean({ error: message.notBoolean(field) });
