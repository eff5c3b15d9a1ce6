import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUMMARY_PLACEHOLDER } from '../../src/lib/schema/index.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(PROJECT_ROOT, 'tools/policy/new.ts');
const REAL_POLICIES = path.join(PROJECT_ROOT, 'src/content/policies');
// Later than any real version, so fixtures written on these dates are the latest.
const FUTURE = '2040-01-01';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  lines: string[];
}

const workDirs: string[] = [];
afterAll(async () => {
  await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * A throwaway project root holding a copy of the real policies at the default
 * place, so the script runs against real content without touching it.
 */
async function makeProject(): Promise<{ root: string; policies: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'policy-new-'));
  workDirs.push(root);
  const policies = path.join(root, 'src/content/policies');
  await mkdir(policies, { recursive: true });
  await cp(REAL_POLICIES, policies, { recursive: true });
  return { root, policies };
}

/** Runs the CLI with a clean environment: only what a test sets reaches it. */
function run(root: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { SITE_TODAY: _today, POLICIES_DIR: _dir, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      { cwd: root, env: { ...inherited, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, lines: stdout.trimEnd().split('\n') });
      },
    );
  });
}

/** Every file under `dir`, relative, sorted: compared before and after a refusal. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The latest real version of a policy by file name, which is its date by convention. */
async function latestReal(policy: string): Promise<{ date: string; text: string }> {
  const names = (await readdir(path.join(REAL_POLICIES, policy))).filter((name) => name.endsWith('.mdx')).sort();
  const name = names.at(-1)!;
  return { date: name.slice(0, -4), text: await readFile(path.join(REAL_POLICIES, policy, name), 'utf8') };
}

const bodyOf = (text: string): string => text.replace(/^---\n[\s\S]*?\n---\n/, '');

/** A minimal version file, for label and ordering cases the real content does not cover. */
function versionFile(fields: { policy: string; effective: string; version: string; body: string; draft?: boolean }) {
  return [
    '---',
    `policy: ${fields.policy}`,
    `effective: ${fields.effective}`,
    `version: ${JSON.stringify(fields.version)}`,
    'summary: Fixtur.',
    ...(fields.draft ? ['draft: true'] : []),
    '---',
    fields.body,
  ].join('\n');
}

describe('npm run policy:new', () => {
  describe('creates a version', () => {
    it.concurrent('copies the latest real version with fresh frontmatter and the body verbatim', async () => {
      const { root, policies } = await makeProject();
      const previous = await latestReal('cookiepolicy');

      const result = await run(root, ['cookiepolicy', '--date', FUTURE, '--summary', 'Ny cookie för statistik.']);

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.lines.at(-1)).toBe(`src/content/policies/cookiepolicy/${FUTURE}.mdx`);
      expect(result.lines[0]).toMatch(/^Created cookiepolicy version ".+", effective 2040-01-01/);
      expect(result.stdout).not.toContain('placeholder');

      const text = await readFile(path.join(policies, 'cookiepolicy', `${FUTURE}.mdx`), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!.split('\n');
      expect(frontmatter[0]).toBe('policy: cookiepolicy');
      expect(frontmatter[1]).toBe(`effective: ${FUTURE}`);
      expect(frontmatter[2]).toMatch(/^version: ".+"$/);
      expect(frontmatter.slice(3, 6)).toEqual([
        'summary: "Ny cookie för statistik."',
        'material: false',
        'draft: true',
      ]);
      // The cookie declaration carries over as written: the site still sets the same cookies.
      const previousFrontmatter = /^---\n([\s\S]*?)\n---\n/.exec(previous.text)![1]!.split('\n');
      const declaration = previousFrontmatter.slice(previousFrontmatter.indexOf('categories:'));
      expect(declaration).toContain('  - name: cc_cookie');
      expect(frontmatter.slice(6)).toEqual(declaration);
      expect(bodyOf(text)).toBe(bodyOf(previous.text));
      expect(bodyOf(text).length).toBeGreaterThan(100);
    });

    it.concurrent('writes the placeholder summary, quoted, and says the build refuses it', async () => {
      const { root, policies } = await makeProject();

      const result = await run(root, ['integritetspolicy', '--date', FUTURE]);

      expect(result.code).toBe(0);
      expect(result.lines).toHaveLength(4);
      expect(result.lines[1]).toMatch(/placeholder, which the build refuses/);
      expect(result.lines[2]).toMatch(/It is a draft: preview it with npm run dev; .* npm run policy:publish/);
      expect(result.lines[3]).toBe(`src/content/policies/integritetspolicy/${FUTURE}.mdx`);
      const text = await readFile(path.join(policies, 'integritetspolicy', `${FUTURE}.mdx`), 'utf8');
      expect(text).toContain(`\nsummary: ${JSON.stringify(SUMMARY_PLACEHOLDER)}\n`);
    });

    it.concurrent('dates the version SITE_TODAY when --date is left out', async () => {
      const { root, policies } = await makeProject();

      const result = await run(root, ['cookiepolicy', '--summary', 'Ändrad lagringstid.'], {
        SITE_TODAY: '2041-03-15',
      });

      expect(result.code).toBe(0);
      expect(result.lines.at(-1)).toBe('src/content/policies/cookiepolicy/2041-03-15.mdx');
      const text = await readFile(path.join(policies, 'cookiepolicy', '2041-03-15.mdx'), 'utf8');
      expect(text).toContain('\neffective: 2041-03-15\n');
    });

    it.concurrent('honours POLICIES_DIR and prints the path relative to the project root', async () => {
      const { root, policies } = await makeProject();
      await cp(policies, path.join(root, 'other/place'), { recursive: true });

      const result = await run(root, ['cookiepolicy', '--date', FUTURE], { POLICIES_DIR: 'other/place' });

      expect(result.code).toBe(0);
      expect(result.lines.at(-1)).toBe(`other/place/cookiepolicy/${FUTURE}.mdx`);
      expect(await listFiles(path.join(root, 'other/place'))).toContain(`cookiepolicy/${FUTURE}.mdx`);
      expect(await listFiles(policies)).not.toContain(`cookiepolicy/${FUTURE}.mdx`);
    });

    it.concurrent.each([
      ['7', '8'],
      ['2.1', '2.2'],
      ['1.9', '1.10'],
      ['3.0.4', '3.0.5'],
      ['Vår 2040', 'Vår 2040 (ny)'],
    ])('counts version "%s" on to "%s"', async (previous, expected) => {
      const { root, policies } = await makeProject();
      await writeFile(
        path.join(policies, 'cookiepolicy', `${FUTURE}.mdx`),
        versionFile({ policy: 'cookiepolicy', effective: FUTURE, version: previous, body: '\nText.\n' }),
      );

      const result = await run(root, ['cookiepolicy', '--date', '2040-02-01', '--summary', 'Ny.']);

      expect(result.code).toBe(0);
      const text = await readFile(path.join(policies, 'cookiepolicy', '2040-02-01.mdx'), 'utf8');
      expect(text).toContain(`\nversion: ${JSON.stringify(expected)}\n`);
      expect(result.stdout.includes('set "version" by hand')).toBe(expected.endsWith('(ny)'));
    });

    it.concurrent(
      'copies the latest version by date even when it is a draft, and starts the copy as a draft',
      async () => {
        const { root, policies } = await makeProject();
        const dir = path.join(policies, 'integritetspolicy');
        await writeFile(
          path.join(dir, '2040-05-01.mdx'),
          versionFile({
            policy: 'integritetspolicy',
            effective: '2040-05-01',
            version: '4',
            body: '\nUtkastets text.\n',
            draft: true,
          }),
        );
        await writeFile(
          path.join(dir, '2040-03-01.mdx'),
          versionFile({ policy: 'integritetspolicy', effective: '2040-03-01', version: '3', body: '\nÄldre text.\n' }),
        );

        const result = await run(root, ['integritetspolicy', '--date', '2040-06-01', '--summary', 'Ny.']);

        expect(result.code).toBe(0);
        const text = await readFile(path.join(dir, '2040-06-01.mdx'), 'utf8');
        expect(text).toContain('\nversion: "5"\n');
        expect(bodyOf(text)).toBe('\nUtkastets text.\n');
        expect(text).toMatch(/^draft: true$/m);
        expect(text).not.toMatch(/^changes:/m);
      },
    );
  });

  describe('refuses, writing nothing', () => {
    const cases: [string, (latest: string) => string[], Record<string, string>, RegExp][] = [
      [
        'an unknown policy',
        () => ['privacypolicy', '--date', FUTURE],
        {},
        /unknown policy "privacypolicy".*integritetspolicy or cookiepolicy/,
      ],
      ['a missing policy', () => ['--date', FUTURE], {}, /say which policy: integritetspolicy or cookiepolicy/],
      [
        'a malformed date',
        () => ['cookiepolicy', '--date', '2040-1-5'],
        {},
        /--date must be a real date written YYYY-MM-DD.*"2040-1-5"/,
      ],
      [
        'an impossible date',
        () => ['cookiepolicy', '--date', '2041-02-30'],
        {},
        /--date must be a real date.*"2041-02-30"/,
      ],
      ['a malformed SITE_TODAY', () => ['cookiepolicy'], { SITE_TODAY: 'tomorrow' }, /SITE_TODAY must be a real date/],
      [
        'a date that already has a version',
        (latest) => ['cookiepolicy', '--date', latest],
        {},
        /already has a version on \d{4}-\d{2}-\d{2}: src\/content\/policies\/cookiepolicy\//,
      ],
      [
        'a date before the latest version',
        () => ['cookiepolicy', '--date', '2000-01-01'],
        {},
        /2000-01-01 is before the latest cookiepolicy version/,
      ],
      ['an unknown flag', () => ['cookiepolicy', '--force'], {}, /unknown option "--force"/],
      [
        'an empty summary',
        () => ['cookiepolicy', '--date', FUTURE, '--summary', '  '],
        {},
        /--summary must not be empty/,
      ],
      [
        'a multi-line summary',
        () => ['cookiepolicy', '--date', FUTURE, '--summary', 'Rad ett.\nRad två.'],
        {},
        /--summary must be a single line/,
      ],
      [
        'a TODO summary',
        () => ['cookiepolicy', '--date', FUTURE, '--summary', 'TODO later'],
        {},
        /must not start with "TODO"/,
      ],
      ['a stray argument', () => ['cookiepolicy', 'Ny', 'text'], {}, /unexpected argument "Ny"/],
    ];

    it.concurrent.each(cases)('%s', async (_name, args, env, message) => {
      const { root } = await makeProject();
      const before = await listFiles(root);
      const { date: latest } = await latestReal('cookiepolicy');

      const result = await run(root, args(latest), { SITE_TODAY: '2041-01-01', ...env });

      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(await listFiles(root)).toEqual(before);
    });
  });

  it.concurrent('--help prints usage and writes nothing', async () => {
    const { root } = await makeProject();
    const before = await listFiles(root);

    const result = await run(root, ['--help']);

    expect(result.code).toBe(0);
    expect(result.lines[0]).toBe(
      'Usage: npm run policy:new -- <integritetspolicy|cookiepolicy> [--date YYYY-MM-DD] [--summary "…"]',
    );
    expect(result.stdout).toContain('POLICIES_DIR');
    expect(await listFiles(root)).toEqual(before);
  });
});
