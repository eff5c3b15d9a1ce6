/**
 * The web editor's configuration: Decap CMS's collections, one per policy, with
 * fields derived from the content schema, "new version" prefilled from the
 * latest version as `npm run policy:new` does, and what the editor needs to
 * refuse saves the build would refuse.
 */
import { CONTENT_PATH, readPolicyFiles } from '../content/policyFiles.ts';
import { isPolicyId, POLICIES, POLICY_IDS, type PolicyId } from '../policyCatalog.ts';
import { changedVersionMessage, type PublicationRecord } from '../publication/record.ts';
import { policyOnlyFields, policySchemas } from '../schema/index.ts';
import { nextVersionLabel } from '../versionLabel.ts';
import type { EditorBackends } from './contentSecurity.ts';
import { editorFields, type EditorField } from './fields.ts';
import { collectionDescription } from './help.ts';
import { HELP_WIDGET, VERSION_FORMAT, withChoiceLists } from './fileFormat.ts';
import type { SaveRules } from './saveRules.ts';

/** Each policy as a Swedish sentence names it. */
const DEFINITE: Readonly<Record<PolicyId, string>> = {
  integritetspolicy: 'integritetspolicyn',
  cookiepolicy: 'cookiepolicyn',
};

/** A version file as the editor starts from it. */
export interface EditorVersion {
  policy: PolicyId;
  effective: string;
  /** The frontmatter as written. */
  data: Record<string, unknown>;
  /** The text after the frontmatter, byte for byte. */
  body: string;
}

/** A Decap CMS collection (the subset this site uses). */
export interface EditorCollection {
  name: PolicyId;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: 'mdx';
  format: typeof VERSION_FORMAT;
  create: true;
  delete: false;
  slug: string;
  identifier_field: string;
  summary: string;
  sortable_fields: ({ field: string; label: string; default_sort?: 'desc' } | string)[];
  preview_path: string;
  fields: EditorField[];
}

/** Decap CMS's configuration, as `CMS.init({ config })` takes it. */
export interface EditorConfig {
  load_config_file: false;
  locale: 'sv';
  backend: Record<string, unknown>;
  local_backend?: { url: string };
  publish_mode: 'simple' | 'editorial_workflow';
  site_url: string;
  display_url: string;
  media_folder: string;
  public_folder: string;
  collections: EditorCollection[];
}

/** Everything the editor's page needs: the configuration and what its save checks read. */
export interface EditorSetup extends SaveRules {
  config: EditorConfig;
  /** The site's stylesheet, for the preview pane. */
  previewStyle: string;
}

/** Every version file in `policiesDir`, for the editor to start new versions from: a collection is a policy's folder. */
export function readEditorVersions(policiesDir: string): EditorVersion[] {
  return readPolicyFiles(policiesDir).flatMap(({ file, effective, data, body }): EditorVersion[] => {
    const [policy, ...rest] = file.split('/');
    return isPolicyId(policy) && rest.length === 1 ? [{ policy, effective, data, body }] : [];
  });
}

/** The help at the top of every form: a field that is shown and never saved. */
const helpField: EditorField = { name: 'help', label: 'Så här gör du', widget: HELP_WIDGET, required: false };

/** The body: Markdown, edited as text, so that what is saved is exactly what was written. */
const bodyField = (body: string | undefined): EditorField => ({
  name: 'body',
  label: 'Text',
  widget: 'markdown',
  // Only raw mode: the rich-text mode rewrites the Markdown it saves, which would show as changes in the text.
  modes: ['raw'],
  hint: 'Policyns text i Markdown: ## ger en rubrik, **ord** fetstil, en rad som börjar med - en punkt i en lista och [text](adress) en länk. Varje ändrat ord syns på versionens ändringssida.',
  ...(body === undefined ? {} : { default: body }),
});

/**
 * The fields of `policy`'s collection, with defaults that make "new version"
 * a copy of `latest` as `npm run policy:new` makes one: the next version label,
 * its text, its declaration and register, as a draft. The editor writes the date
 * and the summary.
 */
function collectionFields(policy: PolicyId, latest: EditorVersion | undefined): EditorField[] {
  const fields = editorFields(policySchemas[policy].shape, policy);
  // What policy:new carries over: the fields that describe the site, not the version (the declaration, the register).
  const carried = new Set<string>(policyOnlyFields().map(([field]) => field));
  const label = latest?.data['version'];
  const copied: Record<string, unknown> = withChoiceLists(
    {
      ...Object.fromEntries(Object.entries(latest?.data ?? {}).filter(([field]) => carried.has(field))),
      ...(label === undefined || label === null ? {} : { version: nextVersionLabel(String(label)).label }),
      policy,
      draft: true,
    },
    fields,
  );
  return [
    helpField,
    ...fields.map((field): EditorField => {
      const prefilled = field.name in copied ? { ...field, default: copied[field.name] } : field;
      return field.name === 'policy' ? { ...prefilled, widget: 'hidden' } : prefilled;
    }),
    bodyField(latest?.body),
  ];
}

export interface EditorSetupOptions {
  versions: readonly EditorVersion[];
  record: PublicationRecord;
  backends: EditorBackends;
  /** Where the site is previewed: the dev server, or the site itself. */
  siteUrl: string;
  previewStyle: string;
}

/** The editor's configuration and save rules for the versions as they are. */
export function editorSetup({ versions, record, backends, siteUrl, previewStyle }: EditorSetupOptions): EditorSetup {
  const collections = POLICY_IDS.map((policy): EditorCollection => {
    const own = versions.filter((version) => version.policy === policy);
    // Like `npm run policy:new`: the latest version by date, drafts included.
    const latest = own.reduce<EditorVersion | undefined>(
      (max, version) => (max === undefined || version.effective > max.effective ? version : max),
      undefined,
    );
    const singular = `version av ${DEFINITE[policy]}`;
    return {
      name: policy,
      label: POLICIES[policy].title,
      label_singular: singular,
      description: collectionDescription(DEFINITE[policy], singular),
      folder: `${CONTENT_PATH}/${policy}`,
      extension: 'mdx',
      format: VERSION_FORMAT,
      create: true,
      // A published version must never disappear; nor may anything reach the site without review.
      delete: false,
      slug: '{{effective}}',
      identifier_field: 'effective',
      summary: '{{effective}} – version {{version}}',
      sortable_fields: [{ field: 'effective', label: 'Gäller från', default_sort: 'desc' }, 'version'],
      // "Visa live" opens what changed in this version, on the dev server or the site.
      preview_path: `${policy}/versioner/{{effective}}/andringar/`,
      fields: collectionFields(policy, latest),
    };
  });

  const { backend, local } = backends;
  return {
    config: {
      load_config_file: false,
      locale: 'sv',
      backend: backend ? { ...backend } : { name: 'proxy', proxy_url: local, branch: 'main' },
      ...(backend && local ? { local_backend: { url: local } } : {}),
      // Review before publishing: on the git host, every version is a pull request. decap-server's
      // file mode has no workflow; Decap then saves straight to the files, which git then carries.
      publish_mode: backend ? 'editorial_workflow' : 'simple',
      site_url: siteUrl,
      display_url: siteUrl,
      // Outside public/: nothing an editor uploads is published with the site.
      media_folder: 'src/content/uploads',
      public_folder: '/uploads',
      collections,
    },
    published: Object.fromEntries(
      record.versions.map((entry) => {
        const path = `${CONTENT_PATH}/${entry.file}`;
        return [path, changedVersionMessage(path, entry)];
      }),
    ),
    dates: Object.fromEntries(
      POLICY_IDS.map((policy) => [
        policy,
        versions.filter((version) => version.policy === policy).map((version) => version.effective),
      ]),
    ),
    names: DEFINITE,
    previewStyle,
  };
}
