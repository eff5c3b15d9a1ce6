/**
 * The web editor in the browser: tells Decap CMS how policy versions are read
 * and written, what it must refuse to save, how a version previews, and the
 * help at the top of each form; then starts it with the configuration the site
 * generated (src/pages/admin/cms.js.ts). Loaded before Decap's own script.
 */
import type { EditorSetup } from '../../lib/cms/config.ts';
import type { EditorField } from '../../lib/cms/fields.ts';
import { HELP_STEPS, PUBLISHED_NOTICE } from '../../lib/cms/help.ts';
import { saveRefusal } from '../../lib/cms/saveRules.ts';
import {
  emptyPaths,
  HELP_WIDGET,
  readVersionFile,
  VERSION_FORMAT,
  writeVersionFile,
} from '../../lib/cms/fileFormat.ts';
import { formatSwedishDate, isIsoDate } from '../../lib/dates.ts';

/** The parts of Immutable.js's Map that Decap hands to its hooks and widgets. */
interface ImmutableMap {
  get(key: string): unknown;
  deleteIn(path: (string | number)[]): ImmutableMap;
  toJS(): Record<string, unknown>;
}

type Element = unknown;
type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => Element;

/** The parts of Decap CMS's global `CMS` this site uses. */
interface DecapCms {
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile(text: string): Record<string, unknown>; toFile(data: Record<string, unknown>): string },
  ): void;
  registerEventListener(listener: {
    name: 'preSave' | 'postSave';
    handler: (event: { entry: ImmutableMap }) => ImmutableMap | void;
  }): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(collection: string, template: unknown): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  init(options: { config: EditorSetup['config'] }): void;
}

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: DecapCms;
    /** React's createElement and create-react-class, as Decap's script exposes them. */
    h?: CreateElement;
    createClass?: (spec: { render(this: { props: Record<string, unknown> }): Element }) => unknown;
  }
}

/** Every field of every collection, once per name, in order: the files' keys are written in this order. */
function allFields(setup: EditorSetup): EditorField[] {
  const byName = new Map<string, EditorField>();
  for (const collection of setup.config.collections) {
    for (const field of collection.fields) if (!byName.has(field.name)) byName.set(field.name, field);
  }
  return [...byName.values()];
}

function register(
  cms: DecapCms,
  h: CreateElement,
  createClass: NonNullable<Window['createClass']>,
  setup: EditorSetup,
) {
  const fields = allFields(setup);
  const dates: Record<string, string[]> = Object.fromEntries(
    Object.entries(setup.dates).map(([collection, list]) => [collection, [...list]]),
  );
  const rules = { ...setup, dates };

  cms.registerCustomFormat(VERSION_FORMAT, 'mdx', {
    fromFile: (text) => readVersionFile(text, fields),
    toFile: (data) => writeVersionFile(data, fields),
  });

  // A thrown error stops the save; Decap shows its message and leaves the file as it was.
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data') as ImmutableMap;
      const refusal = saveRefusal(
        {
          collection: String(entry.get('collection')),
          path: entry.get('path') as string | undefined,
          newRecord: entry.get('newRecord') === true,
          effective: data.get('effective'),
        },
        rules,
      );
      if (refusal) throw new Error(refusal);
      let cleaned = data;
      for (const path of emptyPaths(data.toJS())) cleaned = cleaned.deleteIn(path);
      return cleaned;
    },
  });
  cms.registerEventListener({
    name: 'postSave',
    handler: ({ entry }) => {
      const effective = (entry.get('data') as ImmutableMap).get('effective');
      const list = (dates[String(entry.get('collection'))] ??= []);
      if (typeof effective === 'string' && !list.includes(effective)) list.push(effective);
    },
  });

  const Help = createClass({
    render() {
      const entry = this.props['entry'] as ImmutableMap | undefined;
      const path = entry?.get('path');
      const published = entry?.get('newRecord') !== true && typeof path === 'string' && path in setup.published;
      return h(
        'div',
        { id: this.props['forID'], className: this.props['classNameWrapper'] },
        published ? h('p', { role: 'note', style: { fontWeight: 600 } }, PUBLISHED_NOTICE) : null,
        h(
          'details',
          { open: !published && entry?.get('newRecord') === true },
          h('summary', { style: { cursor: 'pointer' } }, 'Stegen från ny version till publicerad'),
          ...HELP_STEPS.map((step) =>
            h(
              'div',
              { key: step.title, style: { marginTop: '0.75rem' } },
              h('strong', null, step.title),
              h('p', null, step.text),
            ),
          ),
        ),
      );
    },
  });
  cms.registerWidget(HELP_WIDGET, Help, () => null);

  cms.registerPreviewStyle(setup.previewStyle);
  for (const collection of setup.config.collections) {
    const Preview = createClass({
      render() {
        const entry = this.props['entry'] as ImmutableMap;
        const widgetFor = this.props['widgetFor'] as (name: string) => Element;
        const data = entry.get('data') as ImmutableMap;
        const effective = data.get('effective');
        return h(
          'article',
          { className: 'px-4 py-6' },
          h('p', { className: 'mb-2 text-sm font-semibold tracking-wide text-brand-700 uppercase' }, 'Förhandsvisning'),
          h('h1', { className: 'text-3xl font-bold tracking-tight text-slate-950' }, collection.label),
          h(
            'p',
            { className: 'mt-4 text-slate-700' },
            `Version ${String(data.get('version') ?? '')}`,
            isIsoDate(effective) ? `, gäller från ${formatSwedishDate(effective)}` : '',
          ),
          h('p', { className: 'mt-4 text-slate-700' }, String(data.get('summary') ?? '')),
          h('div', { className: 'mt-8 prose max-w-none prose-a:text-brand-700' }, widgetFor('body')),
        );
      },
    });
    cms.registerPreviewTemplate(collection.name, Preview);
  }

  cms.init({ config: setup.config });
}

/**
 * Tells Decap to wait for this configuration instead of fetching config.yml,
 * and starts it once Decap's script, which follows this one, has run.
 */
export function startEditor(setup: EditorSetup): void {
  window.CMS_MANUAL_INIT = true;
  document.addEventListener('DOMContentLoaded', () => {
    const { CMS, h, createClass } = window;
    if (!CMS || !h || !createClass) throw new Error('Decap CMS did not load: /admin/decap-cms.js is missing.');
    register(CMS, h, createClass, setup);
  });
}
