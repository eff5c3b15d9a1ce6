// The content sets the browser tests and the benchmark build with POLICIES_DIR.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Replaces `dir` with an empty folder. */
function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The fixture content set: the published versions plus the test fixtures'
 * later, upcoming and draft ones, in one folder. Replaces what was in `dir`.
 * @param {string} dir
 * @returns {string} `dir`
 */
export function writeFixtureContent(dir) {
  fresh(dir);
  cpSync(join(root, 'src/content/policies'), dir, { recursive: true });
  cpSync(join(root, 'tests/fixtures/policies'), dir, { recursive: true });
  return dir;
}

/** What the drafts' placeholders are filled with, so that they can be built as published. */
export const FILLED_PLACEHOLDER = 'Uppgift från företaget';

/**
 * The real content as it would be once the company approves its drafts: every
 * draft published (`draft: false`) and every `[FYLL I: …]` filled in.
 * Replaces what was in `dir`.
 * @param {string} dir
 * @returns {string} `dir`
 */
export function writePublishedDrafts(dir) {
  fresh(dir);
  cpSync(join(root, 'src/content/policies'), dir, { recursive: true });
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.mdx')) continue;
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    if (!/^draft: true$/m.test(text)) continue;
    writeFileSync(
      path,
      text.replace(/^draft: true$/m, 'draft: false').replace(/\[FYLL I:[^\]\n]*\]/g, FILLED_PLACEHOLDER),
    );
  }
  return dir;
}
