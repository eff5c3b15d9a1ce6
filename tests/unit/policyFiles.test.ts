/**
 * The one reader of the version files: what it gives each caller, and its one
 * check of a version's date, on a folder of versions written for each case.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CONTENT_PATH,
  EffectiveDateError,
  policiesDirOf,
  readPolicyFiles,
  readVersionFiles,
} from '../../src/lib/content/policyFiles';
import { sha256 } from '../../src/lib/publication/record';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A folder of versions holding `files` (path → text). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-files-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const version = (effective: string, extra = '') =>
  `---\npolicy: cookiepolicy\neffective: ${effective}\nversion: "1"\nsummary: Första.\n${extra}---\n\nText.\r\n`;

describe('the version files', () => {
  it('gives each file its key, text, frontmatter as written, body, date and SHA-256, with \\n line endings', () => {
    const text = version('2026-11-24');
    const dir = folder({ 'cookiepolicy/2026-11-24.mdx': text, 'published.json': '{"versions": []}' });
    const [file, ...rest] = readPolicyFiles(dir, (path) => `named:${path.slice(dir.length)}`);
    expect(rest).toEqual([]);
    expect(file).toEqual({
      file: 'cookiepolicy/2026-11-24.mdx',
      path: join(dir, 'cookiepolicy/2026-11-24.mdx'),
      source: 'named:/cookiepolicy/2026-11-24.mdx',
      text,
      data: { policy: 'cookiepolicy', effective: '2026-11-24', version: '1', summary: 'Första.' },
      body: '\nText.\r\n',
      effective: '2026-11-24',
      sha256: sha256(text.replace('\r\n', '\n')),
    });
    expect(readVersionFiles(dir)[0]).toMatchObject({ policy: 'cookiepolicy', version: '1', draft: false });
  });

  it.each([
    [
      'a date that is not the file name’s',
      'cookiepolicy/2026-11-24.mdx',
      version('2026-11-25'),
      '2026-11-24',
      '"2026-11-25"',
    ],
    ['an impossible date', 'cookiepolicy/2026-11-24.mdx', version('2026-11-31'), '2026-11-24', '"2026-11-31"'],
    ['a file not named for a date', 'cookiepolicy/kopia.mdx', version('2026-11-24'), '2026-11-24', '"2026-11-24"'],
    ['no date', 'cookiepolicy/2026-11-24.mdx', '---\npolicy: cookiepolicy\n---\n', '2026-11-24', 'nothing'],
  ])('refuses %s with the one message, naming the file', (_, file, text, example, got) => {
    const dir = folder({ [file]: text });
    const read = () => readPolicyFiles(dir, (path) => path.slice(dir.length + 1));
    expect(read).toThrow(EffectiveDateError);
    expect(read).toThrow(
      `${file}: "effective" must be a real date written YYYY-MM-DD (like ${example}), got ${got}, and the same date as the file's name: a version's file is named for the day it takes effect.`,
    );
  });

  it('names a file without frontmatter, or with frontmatter that is not YAML', () => {
    expect(() => readPolicyFiles(folder({ 'cookiepolicy/2026-11-24.mdx': 'Text.\n' }), (path) => path)).toThrow(
      /2026-11-24\.mdx has no frontmatter between "---" lines/,
    );
    expect(() =>
      readPolicyFiles(folder({ 'cookiepolicy/2026-11-24.mdx': '---\npolicy: [\n---\n' }), (path) => path),
    ).toThrow(/2026-11-24\.mdx: its frontmatter is not valid YAML/);
  });

  it('is read from POLICIES_DIR, or from the content folder when it is unset or empty', () => {
    expect(policiesDirOf({ POLICIES_DIR: '/elsewhere' })).toBe('/elsewhere');
    expect(policiesDirOf({})).toBe(CONTENT_PATH);
    expect(policiesDirOf({ POLICIES_DIR: '' })).toBe('src/content/policies');
  });
});
