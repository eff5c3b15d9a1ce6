/**
 * ARCHITECTURE.md names real places: every path it writes in backticks exists,
 * and every name it says a file decides something with is in that file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const text = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');

/** Backticked words that name a file or a folder of the repository. */
const paths = [...text.matchAll(/`([^`\s]+)`/g)]
  .map((match) => match[1]!)
  .filter((word) => /^(src|tools|services|bench|tests)\//.test(word) || /^[\w.-]+\.(md|json|ts)$/.test(word))
  // A placeholder such as <policy> stands for any of a folder's entries: check the folder.
  .map((path) => path.replace(/\/[^/]*<.*$/, ''));

describe('ARCHITECTURE.md', () => {
  it('names paths, and every one of them exists', () => {
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('names, for each thing decided, a function that its file defines', () => {
    const rows = [...text.matchAll(/^\| [^|]+ \| (.+) \|$/gm)].map((match) => match[1]!);
    const claims = rows.flatMap((row) =>
      [...row.matchAll(/`(\w+)`(?: and `(\w+)`)? in `([^`]+\.ts)`/g)].flatMap(([, first, second, file]) =>
        [first, second].filter(Boolean).map((name) => ({ name: name!, file: file! })),
      ),
    );
    expect(claims.length).toBeGreaterThan(6);
    const missing = claims.filter(
      ({ name, file }) => !new RegExp(`\\b${name}\\b`).test(readFileSync(join(root, file), 'utf8')),
    );
    expect(missing).toEqual([]);
  });
});
