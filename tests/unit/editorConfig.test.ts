import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readEditorBackend } from '../../src/lib/cms/backend';
import { editorSetup, readEditorVersions, type EditorSetupOptions } from '../../src/lib/cms/config';
import { editorBackends, editorHeaderPolicy, editorMetaPolicy } from '../../src/lib/cms/contentSecurity';
import { emptyPaths, readVersionFile, withoutEmpty, writeVersionFile } from '../../src/lib/cms/fileFormat';
import { saveRefusal } from '../../src/lib/cms/saveRules';
import { CONTENT_PATH } from '../../src/lib/content/policyFiles';
import { splitFrontmatter } from '../../src/lib/frontmatter';
import { changedVersionMessage, parseRecord, recordProblems, sha256 } from '../../src/lib/publication/record';
import { headersFile } from '../../src/integrations/securityHeaders';
import { parseHeadersFile } from '../../tools/static-host/staticHost.ts';

const policiesDir = resolve(import.meta.dirname, '../../src/content/policies');
const versions = readEditorVersions(policiesDir);
const record = parseRecord(readFileSync(resolve(policiesDir, 'published.json'), 'utf8'), 'published.json');
const options: EditorSetupOptions = {
  versions,
  record,
  backends: { local: 'http://127.0.0.1:8081/api/v1' },
  siteUrl: 'http://localhost:4321',
  previewStyle: '/_astro/global.css',
};
const collection = (setup: ReturnType<typeof editorSetup>, name: string) =>
  setup.config.collections.find((candidate) => candidate.name === name)!;
const field = (setup: ReturnType<typeof editorSetup>, policy: string, name: string) =>
  collection(setup, policy).fields.find((candidate) => candidate.name === name)!;

describe('the web editor’s configuration', () => {
  const setup = editorSetup(options);

  it('has a collection per policy, one file per version named by its date, in the folders the site reads', () => {
    expect(
      setup.config.collections.map(({ name, folder, slug, extension }) => ({ name, folder, slug, extension })),
    ).toEqual([
      {
        name: 'integritetspolicy',
        folder: `${CONTENT_PATH}/integritetspolicy`,
        slug: '{{effective}}',
        extension: 'mdx',
      },
      { name: 'cookiepolicy', folder: `${CONTENT_PATH}/cookiepolicy`, slug: '{{effective}}', extension: 'mdx' },
    ]);
    expect(collection(setup, 'integritetspolicy').delete).toBe(false);
  });

  it('starts a new version from the latest one, drafts included, as policy:new does', () => {
    const latest = readFileSync(resolve(policiesDir, 'integritetspolicy/2027-01-01.mdx'), 'utf8');
    const written = parse(splitFrontmatter(latest)!.frontmatter) as Record<string, unknown>;
    expect(field(setup, 'integritetspolicy', 'version').default).toBe('3');
    expect(field(setup, 'integritetspolicy', 'draft').default).toBe(true);
    expect(field(setup, 'integritetspolicy', 'changes').default).toEqual([]);
    expect(field(setup, 'integritetspolicy', 'body').default).toBe(splitFrontmatter(latest)!.body);
    expect(field(setup, 'integritetspolicy', 'processing').default).toHaveLength((written['processing'] as []).length);
    expect(field(setup, 'cookiepolicy', 'cookies').default).toEqual(
      readVersionFile(readFileSync(resolve(policiesDir, 'cookiepolicy/2027-01-01.mdx'), 'utf8'), [])['cookies'],
    );
    // The editor writes the date and the summary.
    expect(field(setup, 'integritetspolicy', 'effective').default).toBeUndefined();
    expect(field(setup, 'integritetspolicy', 'summary').default).toBeUndefined();
  });

  it('shows a register entry’s single tool as chosen', () => {
    const entries = field(setup, 'integritetspolicy', 'processing').default as { tool?: unknown }[];
    expect(entries.map((entry) => entry.tool).filter(Boolean)).toContainEqual(['matomo']);
  });

  it('refuses to save a published version with the message the build gives for a changed one', () => {
    const path = `${CONTENT_PATH}/integritetspolicy/2026-11-24.mdx`;
    const entry = record.versions.find((candidate) => candidate.file === 'integritetspolicy/2026-11-24.mdx')!;
    expect(setup.published[path]).toBe(changedVersionMessage(path, entry));
    const text = readFileSync(resolve(policiesDir, entry.file), 'utf8');
    const [built] = recordProblems(
      { versions: [entry] },
      [{ ...entry, source: path, draft: false, sha256: sha256(`${text}.`) }],
      {
        recordSource: 'published.json',
        sourceOf: (file) => file,
      },
    );
    expect(built!.message.replace(/: its SHA-256 is .*?…, the record says .*?…/, '')).toBe(setup.published[path]);
    const refusal = saveRefusal(
      { collection: 'integritetspolicy', path, newRecord: false, effective: '2026-11-24' },
      setup,
    );
    expect(refusal).toMatch(/^Versionen är publicerad och kan inte sparas med ändringar\./);
    expect(refusal).toContain(setup.published[path]);
  });

  it('uses the local backend straight away when no git host is configured, without review', () => {
    expect(setup.config.backend).toEqual({ name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1', branch: 'main' });
    expect(setup.config.publish_mode).toBe('simple');
  });

  it('reviews every version on the git host, and edits locally in `astro dev`', () => {
    const env = { PUBLIC_CMS_BACKEND: 'github', PUBLIC_CMS_REPO: 'techtroopers/site' };
    const dev = editorSetup({ ...options, backends: editorBackends(env, true) });
    expect(dev.config).toMatchObject({
      backend: { name: 'github', repo: 'techtroopers/site', branch: 'main' },
      local_backend: { url: 'http://127.0.0.1:8081/api/v1' },
      publish_mode: 'editorial_workflow',
    });
    expect(editorSetup({ ...options, backends: editorBackends(env, false) }).config).not.toHaveProperty(
      'local_backend',
    );
  });
});

describe('the git host from the environment', () => {
  it('is none when nothing is set', () => {
    expect(readEditorBackend({})).toBeUndefined();
  });

  it('reads GitHub, GitLab and Forgejo', () => {
    expect(
      readEditorBackend({
        PUBLIC_CMS_BACKEND: 'github',
        PUBLIC_CMS_REPO: 'techtroopers/site',
        PUBLIC_CMS_BRANCH: 'production',
        PUBLIC_CMS_BASE_URL: 'https://auth.techtroopers.com/',
      }),
    ).toEqual({
      name: 'github',
      repo: 'techtroopers/site',
      branch: 'production',
      base_url: 'https://auth.techtroopers.com',
    });
    expect(
      readEditorBackend({
        PUBLIC_CMS_BACKEND: 'gitlab',
        PUBLIC_CMS_REPO: 'techtroopers/site',
        PUBLIC_CMS_APP_ID: 'abc',
      }),
    ).toEqual({ name: 'gitlab', repo: 'techtroopers/site', branch: 'main', app_id: 'abc', auth_type: 'pkce' });
    expect(
      readEditorBackend({
        PUBLIC_CMS_BACKEND: 'forgejo',
        PUBLIC_CMS_REPO: 'techtroopers/site',
        PUBLIC_CMS_API_ROOT: 'https://codeberg.org/api/v1',
        PUBLIC_CMS_APP_ID: 'abc',
      }),
    ).toMatchObject({ name: 'forgejo', api_root: 'https://codeberg.org/api/v1', app_id: 'abc' });
  });

  it.each([
    [{ PUBLIC_CMS_REPO: 'techtroopers/site' }, 'PUBLIC_CMS_REPO is set without PUBLIC_CMS_BACKEND'],
    [{ PUBLIC_CMS_BACKEND: 'github' }, 'PUBLIC_CMS_BACKEND=github also needs PUBLIC_CMS_REPO'],
    [
      { PUBLIC_CMS_BACKEND: 'gitlab', PUBLIC_CMS_REPO: 'a/b' },
      'PUBLIC_CMS_BACKEND=gitlab also needs PUBLIC_CMS_APP_ID',
    ],
    [{ PUBLIC_CMS_BACKEND: 'gitea', PUBLIC_CMS_REPO: 'a/b' }, 'no editorial workflow'],
    [{ PUBLIC_CMS_BACKEND: 'bitbucket' }, 'PUBLIC_CMS_BACKEND must be one of github, gitlab, forgejo'],
    [
      { PUBLIC_CMS_BACKEND: 'github', PUBLIC_CMS_REPO: 'a/b', PUBLIC_CMS_APP_ID: 'x' },
      'does not use PUBLIC_CMS_APP_ID',
    ],
    [{ PUBLIC_CMS_BACKEND: 'github', PUBLIC_CMS_REPO: 'site' }, 'PUBLIC_CMS_REPO must be owner/name'],
    [
      { PUBLIC_CMS_BACKEND: 'github', PUBLIC_CMS_REPO: 'a/b', PUBLIC_CMS_BASE_URL: 'http://x' },
      'must be an absolute https URL',
    ],
  ])('refuses half a configuration: %o', (env, message) => {
    expect(() => readEditorBackend(env)).toThrow(message);
  });
});

describe('the web editor’s content security policy', () => {
  it('allows what Decap needs, the local backend only where it is used, and the git host’s API', () => {
    const local = editorMetaPolicy(editorBackends({ DECAP_SERVER_PORT: '7431' }, true));
    expect(local).toContain("script-src 'self' 'unsafe-eval'");
    expect(local).toContain("connect-src 'self' http://127.0.0.1:7431");
    expect(local).not.toContain('frame-ancestors');
    const github = editorBackends({ PUBLIC_CMS_BACKEND: 'github', PUBLIC_CMS_REPO: 'a/b' }, false);
    expect(editorHeaderPolicy(github)).toContain(
      "connect-src 'self' https://api.github.com https://www.githubstatus.com;",
    );
    expect(editorHeaderPolicy(github)).toMatch(/frame-ancestors 'none'$/);
  });

  it('is the only policy the host sends for /admin/, and the pages’ policy is sent everywhere else', () => {
    const entries = ['index.html', '404.html', '_astro', 'admin', 'integritetspolicy', 'robots.txt'].map((name) => ({
      name,
      directory: !name.includes('.') || name === '_astro',
    }));
    const rules = parseHeadersFile(headersFile({}, entries));
    const matching = (path: string) =>
      rules.filter(([pattern]) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path));
    const policies = (path: string) =>
      matching(path).flatMap(([, headers]) => headers['Content-Security-Policy'] ?? []);
    expect(policies('/admin/')).toEqual([editorHeaderPolicy(editorBackends({}, false))]);
    for (const path of ['/', '/404.html', '/integritetspolicy/', '/robots.txt']) {
      expect(policies(path), path).toHaveLength(1);
      expect(policies(path)[0]).not.toContain('unsafe-eval');
    }
    expect(matching('/admin/').flatMap(([, headers]) => Object.keys(headers))).toContain('Strict-Transport-Security');
  });
});

describe('a version file as the editor writes it', () => {
  const fields = collection(editorSetup(options), 'integritetspolicy').fields;

  it('keeps a hand-written version byte for byte when nothing changes', () => {
    const text = readFileSync(resolve(policiesDir, 'integritetspolicy/2026-11-24.mdx'), 'utf8');
    expect(writeVersionFile(readVersionFile(text, fields), fields)).toBe(text);
  });

  it('writes the schema’s order, one line per value, the date unquoted and the label quoted', () => {
    const text = writeVersionFile(
      {
        body: '\nText.\n',
        summary: 'En mening som är mycket längre än åttio tecken, så att en vanlig YAML-skrivare skulle bryta den.',
        version: '3',
        effective: '2027-01-15',
        policy: 'integritetspolicy',
        draft: false,
        help: undefined,
      },
      fields,
    );
    expect(text).toBe(
      '---\npolicy: integritetspolicy\neffective: 2027-01-15\nversion: "3"\nsummary: En mening som är mycket längre än åttio tecken, så att en vanlig YAML-skrivare skulle bryta den.\ndraft: false\n---\n\nText.\n',
    );
  });

  it('leaves out what an editor cleared, and keeps empty lists and false', () => {
    const data = {
      body: '',
      summary: 'Ändrad.',
      changes: ['Ett.', ''],
      dpo: { name: '', email: '' },
      processing: [{ purpose: 'Fakturera', law: '', recipients: [], required: { mandatory: false, consequence: '' } }],
    };
    expect(withoutEmpty(data)).toEqual({
      body: '',
      summary: 'Ändrad.',
      changes: ['Ett.'],
      processing: [{ purpose: 'Fakturera', recipients: [], required: { mandatory: false } }],
    });
    // Deepest first, so that deleting them one by one never shifts a path still to come.
    expect(emptyPaths(data)).toEqual([
      ['changes', 1],
      ['processing', 0, 'required', 'consequence'],
      ['processing', 0, 'law'],
      ['dpo'],
    ]);
  });
});

describe('what the editor refuses to save', () => {
  const rules = {
    published: {},
    dates: { integritetspolicy: ['2026-11-24', '2027-01-01'] },
    names: { integritetspolicy: 'integritetspolicyn' },
  };
  const attempt = { collection: 'integritetspolicy', newRecord: true };

  it.each([
    ['2027-02-30', '"2027-02-30" finns inte i kalendern'],
    ['2027-01-01', 'Det finns redan en version av integritetspolicyn som gäller från 2027-01-01'],
    ['2026-12-01', 'måste börja gälla efter den senaste versionen av integritetspolicyn, som gäller från 2027-01-01'],
  ])('a new version dated %s', (effective, message) => {
    expect(saveRefusal({ ...attempt, effective }, rules)).toContain(message);
  });

  it('accepts a new version after the latest, and a draft saved again under its own date', () => {
    expect(saveRefusal({ ...attempt, effective: '2027-01-15' }, rules)).toBeUndefined();
    const path = `${CONTENT_PATH}/integritetspolicy/2027-01-15.mdx`;
    expect(saveRefusal({ ...attempt, newRecord: false, path, effective: '2027-01-15' }, rules)).toBeUndefined();
    expect(saveRefusal({ ...attempt, newRecord: false, path, effective: '2027-01-16' }, rules)).toMatch(
      /kan inte ändras på en sparad version: filen heter 2027-01-15\.mdx/,
    );
  });
});
