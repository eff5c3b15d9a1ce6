/**
 * The web editor's form fields, derived from the content schema: every field of
 * a policy's schema (`policySchemas`) becomes a Decap CMS field, with the
 * Swedish label and hint the schema carries in `.meta()` (see
 * src/lib/fieldMeta.ts). A field added to the schema appears in the editor by
 * itself, and one without a label or a hint stops the editor's configuration
 * with a message naming it.
 */
import { z } from 'astro/zod';
import type { FieldMeta } from '../fieldMeta.ts';
import type { PolicyId } from '../policyCatalog.ts';

/** One field of a Decap CMS collection (the subset this site uses). */
export interface EditorField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'boolean' | 'select' | 'list' | 'object' | 'markdown' | 'hidden' | (string & {});
  hint?: string;
  required?: boolean;
  default?: unknown;
  /** A regular expression the value must match, and the message shown when it does not. */
  pattern?: [string, string];
  options?: { label: string; value: string }[];
  multiple?: boolean;
  /** A list of objects: the fields of each item. An object: its fields. */
  fields?: EditorField[];
  /** A list of single values: the field of each item. */
  field?: EditorField;
  label_singular?: string;
  summary?: string;
  collapsed?: boolean;
  [option: string]: unknown;
}

/** A schema field the editor cannot show: names the field and says what to do. */
export class EditorFieldError extends Error {
  override name = 'EditorFieldError';
}

interface Unwrapped {
  schema: z.core.$ZodTypes;
  /** The metadata of every wrapper, the outermost winning. */
  meta: FieldMeta;
  optional: boolean;
  fallback?: unknown;
}

/**
 * Looks through optional(), default() and preprocess() to the schema that says
 * what the value is, collecting metadata at every level: `.meta()` may sit on
 * the field as written or on the schema inside the wrappers.
 */
function unwrap(schema: z.core.$ZodType): Unwrapped {
  let current = schema as z.core.$ZodTypes;
  let meta: FieldMeta = {};
  let optional = false;
  let fallback: unknown;
  for (;;) {
    meta = { ...z.globalRegistry.get(current), ...meta };
    const def = current._zod.def;
    if (def.type === 'optional') {
      optional = true;
      current = def.innerType as z.core.$ZodTypes;
    } else if (def.type === 'default') {
      optional = true;
      fallback ??= structuredClone(def.defaultValue);
      current = def.innerType as z.core.$ZodTypes;
    } else if (def.type === 'pipe') {
      // z.preprocess(fn, schema) is a pipe from a transform into the schema that checks the value.
      current = (def.in._zod.def.type === 'transform' ? def.out : def.in) as z.core.$ZodTypes;
    } else {
      return { schema: current, meta, optional, fallback };
    }
  }
}

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);

/** An enum's values as the editor's choices, with their Swedish names where the schema gives them. */
function choices(values: readonly string[], meta: FieldMeta, path: string): { label: string; value: string }[] {
  return values.map((value) => {
    const label = meta.options ? meta.options[value] : value;
    if (label === undefined) {
      throw new EditorFieldError(
        `The schema field "${path}" has no Swedish name for the choice "${value}": add it to .meta({ options }).`,
      );
    }
    return { label, value };
  });
}

/** True when an array schema requires at least one item. */
const needsAnItem = (schema: z.core.$ZodArray) =>
  (schema._zod.def.checks ?? []).some((check) => {
    const def = check._zod.def as { check: string; minimum?: number };
    return def.check === 'min_length' && (def.minimum ?? 0) >= 1;
  });

function field(name: string, schema: z.core.$ZodType, path: string, policy: PolicyId): EditorField {
  const { schema: inner, meta, optional, fallback } = unwrap(schema);
  if (!meta.label) {
    throw new EditorFieldError(
      `The schema field "${path}" has no Swedish label for the web editor: add .meta({ label, hint }) to it in the schema.`,
    );
  }
  if (!meta.hint) {
    throw new EditorFieldError(
      `The schema field "${path}" has no Swedish hint for the web editor: say in .meta({ hint }) what it means and what the build refuses.`,
    );
  }
  const result: EditorField = { name, label: meta.label, hint: meta.hint, widget: 'string' };
  if (optional && !meta.only?.required) result.required = false;
  if (meta.only?.required && meta.only.policy === policy) result.required = true;
  if (fallback !== undefined) result.default = fallback;
  if (meta.pattern) result.pattern = [...meta.pattern];

  const def = inner._zod.def;
  switch (def.type) {
    case 'string':
      result.widget = meta.multiline ? 'text' : 'string';
      break;
    case 'boolean':
      // An untouched switch is "no": saved as false rather than left out.
      result.widget = 'boolean';
      result.default ??= false;
      break;
    case 'enum':
      result.widget = 'select';
      result.options = choices(Object.values(def.entries).map(String), meta, path);
      break;
    case 'union': {
      // One choice or a list of them (the register's `tool`): a multiple choice, which always saves a list.
      const enumeration = def.options
        .map((option) => unwrap(option).schema)
        .find((option) => option._zod.def.type === 'enum');
      if (!enumeration || enumeration._zod.def.type !== 'enum') {
        throw new EditorFieldError(`The schema field "${path}" is a union the web editor has no widget for.`);
      }
      result.widget = 'select';
      result.multiple = true;
      result.options = choices(Object.values(enumeration._zod.def.entries).map(String), meta, path);
      break;
    }
    case 'array': {
      const element = unwrap(def.element);
      if (meta.item) result.label_singular = meta.item;
      if (meta.summary) result.summary = meta.summary;
      if (!needsAnItem(inner as z.core.$ZodArray) && !optional) {
        // Decap counts an empty list as missing; the schema accepts one (`recipients: []`).
        result.required = false;
        result.default ??= [];
      }
      const itemDef = element.schema._zod.def;
      if (itemDef.type === 'object') {
        result.widget = 'list';
        result.collapsed = true;
        result.fields = fieldsOf(itemDef.shape, path, policy);
      } else if (itemDef.type === 'enum') {
        result.widget = 'select';
        result.multiple = true;
        result.options = choices(Object.values(itemDef.entries).map(String), meta, path);
      } else if (itemDef.type === 'string') {
        result.widget = 'list';
        result.field = { name: 'item', label: capitalized(meta.item ?? meta.label), widget: 'string' };
      } else {
        throw new EditorFieldError(
          `The schema field "${path}" is a list of ${itemDef.type}, which the web editor cannot show.`,
        );
      }
      break;
    }
    case 'object': {
      result.widget = 'object';
      const fields = fieldsOf(def.shape, path, policy);
      // Decap checks an optional object's required fields even when the object is left out:
      // inside one, every field is optional in the editor and the build checks the object.
      result.fields = optional ? fields.map((child) => ({ ...child, required: false })) : fields;
      break;
    }
    default:
      throw new EditorFieldError(
        `The schema field "${path}" is a ${def.type}, which the web editor has no widget for: add one in src/lib/cms/fields.ts.`,
      );
  }
  return result;
}

/** The fields of an object schema's shape, for `policy`'s collection. */
function fieldsOf(shape: Readonly<Record<string, z.core.$ZodType>>, parent: string, policy: PolicyId): EditorField[] {
  return Object.entries(shape).flatMap(([name, schema]) => {
    const { only } = unwrap(schema).meta;
    if (only && only.policy !== policy) return [];
    return [field(name, schema, parent ? `${parent}.${name}` : name, policy)];
  });
}

/**
 * The editor's fields for the versions of `policy`, from an object schema's
 * shape (the content schema's, in the site): fields that only another policy
 * carries are left out. Throws an EditorFieldError naming any field without a
 * Swedish label or hint.
 */
export function editorFields(shape: Readonly<Record<string, z.core.$ZodType>>, policy: PolicyId): EditorField[] {
  return fieldsOf(shape, '', policy);
}
