// The fixture content set: the published versions plus the test fixtures'
// later, upcoming and draft ones, in one folder to build with POLICIES_DIR.
// The browser tests and the benchmark both build it.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/**
 * Writes the fixture content set into `dir`, replacing what was there.
 * @param {string} dir
 * @returns {string} `dir`
 */
export function writeFixtureContent(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'src/content/policies'), dir, { recursive: true });
  cpSync(join(root, 'tests/fixtures/policies'), dir, { recursive: true });
  return dir;
}
