import { z } from 'astro/zod';

/**
 * A required piece of text: trimmed, never empty, with messages that name the
 * field and say what belongs in it, for editors.
 */
export const requiredText = (field: string, what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `"${field}" is missing: ${what}` : `"${field}" must be text: ${what}`,
    })
    .trim()
    .min(1, `"${field}" must not be empty: ${what}`);

/** A list of at least one required piece of text. */
export const textList = (field: string, what: string) =>
  z
    .array(requiredText(field, what), { error: `"${field}" must be a list: ${what}` })
    .min(1, `"${field}" must list at least one: ${what}`);
