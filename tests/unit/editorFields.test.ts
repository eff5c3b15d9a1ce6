import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { editorFields, type EditorField } from '../../src/lib/cms/fields';
import { STORAGE_TYPES } from '../../src/lib/consent/declaration';
import { POLICY_IDS, type PolicyId } from '../../src/lib/policyCatalog';
import { declaredCookieSchema, policyOnlyFields, policySchemas } from '../../src/lib/schema/index.ts';

/** Every field of a zod object shape, at every depth, as dotted paths, with the metadata found on it. */
function schemaFields(shape: Record<string, z.core.$ZodType>, parent = ''): { path: string; meta: z.GlobalMeta }[] {
  return Object.entries(shape).flatMap(([name, schema]) => {
    const path = parent ? `${parent}.${name}` : name;
    let meta: z.GlobalMeta = {};
    let current = schema as z.core.$ZodTypes;
    for (;;) {
      meta = { ...z.globalRegistry.get(current), ...meta };
      const def = current._zod.def;
      if (def.type === 'optional' || def.type === 'default') current = def.innerType as z.core.$ZodTypes;
      else if (def.type === 'pipe')
        current = (def.in._zod.def.type === 'transform' ? def.out : def.in) as z.core.$ZodTypes;
      else if (def.type === 'array' && (def.element as z.core.$ZodTypes)._zod.def.type === 'object')
        current = def.element as z.core.$ZodTypes;
      else break;
    }
    const def = current._zod.def;
    return [{ path, meta }, ...(def.type === 'object' ? schemaFields(def.shape, path) : [])];
  });
}

/** Every field of the editor's configuration, at every depth, as dotted paths. */
function configPaths(fields: readonly EditorField[], parent = ''): string[] {
  return fields.flatMap((field) => {
    const path = parent ? `${parent}.${field.name}` : field.name;
    return [path, ...configPaths(field.fields ?? [], path)];
  });
}

/** Every field of either policy's schema, once: the base's fields are in both. */
const fields = [
  ...new Map(
    POLICY_IDS.flatMap((policy) => schemaFields(policySchemas[policy].shape)).map((field) => [field.path, field]),
  ).values(),
];
const onlyIn = new Map(policyOnlyFields().map(([field, { policy }]) => [field, policy]));
const belongsTo = (path: string, policy: PolicyId) => (onlyIn.get(path.split('.')[0] as never) ?? policy) === policy;

describe('the web editor’s fields', () => {
  it('has a Swedish label and hint on every field of the content schema', () => {
    const missing = fields.filter(({ meta }) => !meta.label || !meta.hint).map(({ path }) => path);
    expect(missing).toEqual([]);
    expect(fields.map(({ path }) => path)).toContain('processing.recipients.role');
  });

  it.each(POLICY_IDS)('shows every field of the schema that a %s version carries, and no other', (policy) => {
    const expected = fields.map(({ path }) => path).filter((path) => belongsTo(path, policy));
    expect(configPaths(editorFields(policySchemas[policy].shape, policy)).sort()).toEqual(expected.sort());
  });

  it('shows the cookie declaration in the cookie policy only, and requires it there', () => {
    const cookie = editorFields(policySchemas.cookiepolicy.shape, 'cookiepolicy');
    const privacy = editorFields(policySchemas.integritetspolicy.shape, 'integritetspolicy');
    expect(cookie.find((field) => field.name === 'cookies')).toMatchObject({ widget: 'list', required: true });
    expect(privacy.map((field) => field.name)).not.toContain('cookies');
    expect(cookie.map((field) => field.name)).not.toContain('processing');
    expect(privacy.find((field) => field.name === 'processing')).toMatchObject({ widget: 'list', required: false });
  });

  it('maps the schema’s types to widgets, with its defaults and Swedish choices', () => {
    const byName = Object.fromEntries(
      editorFields(policySchemas.integritetspolicy.shape, 'integritetspolicy').map((field) => [field.name, field]),
    );
    expect(byName['effective']).toMatchObject({ widget: 'string', label: 'Gäller från' });
    expect(byName['effective']!.pattern![1]).toMatch(/^Skriv datumet som ÅÅÅÅ-MM-DD/);
    expect(byName['material']).toMatchObject({ widget: 'boolean', default: false, required: false });
    expect(byName['changes']).toMatchObject({ widget: 'list', default: [], field: { label: 'Ändring' } });
    const entry = Object.fromEntries(byName['processing']!.fields!.map((field) => [field.name, field]));
    expect(entry['legalBasis']!.options).toContainEqual({ label: 'Avtal (artikel 6.1 b)', value: 'contract' });
    expect(entry['tool']).toMatchObject({ widget: 'select', multiple: true, required: false });
    // An empty list is allowed by the schema, so not "missing" in the editor.
    expect(entry['recipients']).toMatchObject({ widget: 'list', required: false, default: [] });
    // Decap checks an optional object's fields even when it is left out: they are optional inside it.
    expect(entry['required']!.fields!.every((field) => field.required === false)).toBe(true);
  });

  it('offers every storage type by its Swedish name, and never refuses a name the build accepts', () => {
    const cookies = editorFields(policySchemas.cookiepolicy.shape, 'cookiepolicy').find(
      (field) => field.name === 'cookies',
    )!;
    const entry = Object.fromEntries(cookies.fields!.map((field) => [field.name, field]));
    expect(entry['storage']).toMatchObject({ widget: 'select', required: false });
    expect(entry['storage']!.options!.map(({ value }) => value)).toEqual([...STORAGE_TYPES]);
    expect(entry['storage']!.options).toContainEqual({ label: 'Lokal lagring (localStorage)', value: 'localStorage' });
    // Decap compiles the pattern as written, without flags, and cannot see the entry's storage.
    const [source] = entry['name']!.pattern!;
    const editorAccepts = (name: string) => new RegExp(source).test(name);
    const buildAccepts = (name: string, storage: (typeof STORAGE_TYPES)[number]) =>
      declaredCookieSchema.safeParse({
        name,
        storage,
        provider: 'Tech Troopers',
        party: 'first',
        purpose: 'Sparar ett val.',
        duration: '1 år',
        category: 'necessary',
      }).success;
    const names = ['_pk_id.*', 'cc_cookie', 'matomo:visitor *', 'firebase Local Storage', 'två\nrader', 'tab\there'];
    for (const storage of STORAGE_TYPES) {
      for (const name of names) if (buildAccepts(name, storage)) expect(editorAccepts(name), name).toBe(true);
    }
    // What no storage accepts, the editor refuses while the editor types.
    expect(editorAccepts('två\nrader')).toBe(false);
    expect(editorAccepts('\u0085')).toBe(false);
  });

  it('stops, naming the field, when a schema field has no Swedish label', () => {
    const shape = {
      title: z.string().meta({ label: 'Titel', hint: 'Titeln.' }),
      storage: z.array(z.strictObject({ kind: z.enum(['cookie', 'localStorage']) })).meta({
        label: 'Lagring',
        hint: 'Var uppgiften sparas.',
      }),
    };
    expect(() => editorFields(shape, 'cookiepolicy')).toThrow(
      'The schema field "storage.kind" has no Swedish label for the web editor: add .meta({ label, hint }) to it in the schema.',
    );
  });

  it('stops, naming the field, when a label has no hint or a choice no Swedish name', () => {
    expect(() => editorFields({ storage: z.string().optional().meta({ label: 'Lagring' }) }, 'cookiepolicy')).toThrow(
      /"storage" has no Swedish hint/,
    );
    const choice = z
      .enum(['cookie', 'localStorage'])
      .meta({ label: 'Slag', hint: 'Slaget.', options: { cookie: 'Cookie' } });
    expect(() => editorFields({ kind: choice }, 'cookiepolicy')).toThrow(
      /"kind" has no Swedish name for the choice "localStorage"/,
    );
  });

  it('reads metadata written inside optional(), default() and preprocess(), the outer winning', () => {
    const shape = {
      label: z.preprocess(String, z.string().meta({ label: 'Inre', hint: 'Inne.' })).optional(),
      flag: z.boolean().meta({ label: 'Inre', hint: 'Inne.' }).default(true).meta({ label: 'Yttre', hint: 'Ute.' }),
    };
    expect(editorFields(shape, 'integritetspolicy')).toEqual([
      { name: 'label', label: 'Inre', hint: 'Inne.', widget: 'string', required: false },
      { name: 'flag', label: 'Yttre', hint: 'Ute.', widget: 'boolean', required: false, default: true },
    ]);
  });
});
