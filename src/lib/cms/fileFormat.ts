/**
 * A version file as the web editor reads and writes it: frontmatter written
 * with the `yaml` package the way a person writes it (one line per value,
 * keys in the schema's order at every depth), and the body byte for byte.
 * Plain data only: this module also runs in the browser, in the editor.
 */
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '../frontmatter.ts';
import type { EditorField } from './fields.ts';

type Data = Record<string, unknown>;

/** The name the editor's file format is registered under. */
export const VERSION_FORMAT = 'policy-mdx';

/** The widget of the editor's help text: a field in the form that is never saved. */
export const HELP_WIDGET = 'policy-help';

const isObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The child fields of a field: an object's or a list item's. */
const childFields = (field: EditorField): EditorField[] | undefined => field.fields;

/** `value` with its keys in the order of `fields`, at every depth; keys the fields do not name follow, as they were. */
function ordered(value: unknown, fields: readonly EditorField[] | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, fields));
  if (!isObject(value) || !fields) return value;
  const result: Data = {};
  for (const field of fields) {
    if (value[field.name] !== undefined) result[field.name] = ordered(value[field.name], childFields(field));
  }
  for (const [key, item] of Object.entries(value)) {
    if (!(key in result) && item !== undefined) result[key] = item;
  }
  return result;
}

/**
 * The fields a multiple choice holds as a list, wherever a file has one value
 * (`tool: matomo`), so that the editor shows it chosen. The schema accepts both.
 */
export function withChoiceLists(data: Data, fields: readonly EditorField[]): Data {
  const result: Data = { ...data };
  for (const field of fields) {
    const value = result[field.name];
    if (field.multiple && typeof value === 'string') result[field.name] = [value];
    else if (field.fields && Array.isArray(value)) {
      result[field.name] = value.map((item) => (isObject(item) ? withChoiceLists(item, field.fields!) : item));
    } else if (field.fields && isObject(value)) result[field.name] = withChoiceLists(value, field.fields);
  }
  return result;
}

/** A version file's frontmatter and body as the editor's entry data: `{ ...frontmatter, body }`. */
export function readVersionFile(text: string, fields: readonly EditorField[]): Data {
  const split = splitFrontmatter(text);
  if (!split) return { body: text };
  const frontmatter: unknown = parse(split.frontmatter);
  return { ...withChoiceLists(isObject(frontmatter) ? frontmatter : {}, fields), body: split.body };
}

/**
 * The file for the editor's entry data. YAML 1.2 keeps `2027-01-15` the text
 * it is, quotes "3" so that it stays text, and with `lineWidth: 0` never folds
 * a long sentence over lines as Decap's own YAML writer does.
 */
export function writeVersionFile(data: Data, fields: readonly EditorField[]): string {
  const { body, ...frontmatter } = data;
  for (const field of fields) if (field.widget === HELP_WIDGET) delete frontmatter[field.name];
  return `---\n${stringify(ordered(frontmatter, fields), { lineWidth: 0 })}---\n${typeof body === 'string' ? body : ''}`;
}

type Path = (string | number)[];

/**
 * Where the entry holds nothing: text cleared to '', a value unset (null), and
 * an object or list item left empty by that. The schema refuses an optional
 * text that is '' where it accepts one left out, and editors clear fields
 * rather than remove them. Paths are in an order that deletes safely one by
 * one: deepest first, later list items before earlier ones. The body is never
 * touched.
 */
export function emptyPaths(data: Data): Path[] {
  const paths: Path[] = [];
  /** Collects the empty parts of `value`, and says whether `value` is empty once they are gone. */
  const visit = (value: unknown, path: Path): boolean => {
    if (value === null || value === undefined || value === '') return true;
    if (Array.isArray(value)) {
      const emptyItems: number[] = [];
      value.forEach((item, index) => {
        if (visit(item, [...path, index]) && (item === '' || isObject(item) || item === null)) emptyItems.push(index);
      });
      for (const index of emptyItems.reverse()) paths.push([...path, index]);
      return false;
    }
    if (isObject(value)) {
      const keys = Object.keys(value);
      const emptyKeys = keys.filter((key) => visit(value[key], [...path, key]));
      for (const key of emptyKeys) paths.push([...path, key]);
      return emptyKeys.length === keys.length;
    }
    return false;
  };
  const { body: _, ...frontmatter } = data;
  visit(frontmatter, []);
  return dedupe(paths);
}

/**
 * Once an object is found empty, its own path makes its children's redundant:
 * keep the outermost only, so that no path is deleted twice.
 */
function dedupe(paths: Path[]): Path[] {
  const isInside = (inner: Path, outer: Path) =>
    inner.length > outer.length && outer.every((part, index) => inner[index] === part);
  return paths.filter((path) => !paths.some((other) => isInside(path, other)));
}

/** `data` without what `emptyPaths` finds, for tests and plain data. */
export function withoutEmpty(data: Data): Data {
  const copy = structuredClone(data);
  for (const path of emptyPaths(data)) {
    const parent = path.slice(0, -1).reduce<unknown>((node, part) => (node as Data)[part as string], copy);
    const last = path.at(-1)!;
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete (parent as Data)[last as string];
  }
  return copy;
}
