import type { PolicyId } from './policyCatalog.ts';

/**
 * What the web editor (/admin/) shows for a frontmatter field. It is carried on
 * the schema itself, `.meta({ label, hint })`, so that the editor's forms are
 * derived from the same definitions as the build's checks (src/lib/cms/fields.ts)
 * and a field added to the schema without them fails a unit test that names it.
 */
export interface FieldMeta {
  /** The field's name in the editor, in Swedish. */
  label?: string;
  /** What the field means and what the build refuses, in Swedish, under the field. */
  hint?: string;
  /** For a list: what one item is called, in lower case ("ändring"). */
  item?: string;
  /** For text: a box of several lines rather than one line. */
  multiline?: boolean;
  /** Checked while the editor types: a regular expression and the Swedish message shown when it fails. */
  pattern?: readonly [source: string, message: string];
  /** For a choice: the Swedish name of every value. */
  options?: Readonly<Record<string, string>>;
  /** How the editor lists an item of a list of objects: `{{fields.name}}`. */
  summary?: string;
  /**
   * A field that only one policy carries. With `required`, that policy's
   * versions must have it, and the build's message says why.
   */
  only?: { policy: PolicyId; required?: string };
}

declare module 'zod/v4/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges FieldMeta into zod's metadata type
  interface GlobalMeta extends FieldMeta {}
}
