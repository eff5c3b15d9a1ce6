/**
 * The repository's layout rules: routes stay short (the work is in src/lib and
 * src/components), imports don't climb out of their room, and the product
 * (src/, tools/, services/) never leans on the tests or the benchmark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const CODE = /\.(astro|[cm]?[jt]s)$/;
const SKIP = new Set(['node_modules', 'dist', '.astro']);

/** Every code file under `folder` (relative to the root), as root-relative paths with `/`. */
function codeFiles(folder: string): string[] {
  const start = join(root, folder);
  if (!existsSync(start)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (CODE.test(entry.name)) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(start);
  return found.sort();
}

/** Lines as `wc -l` counts them. */
const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

// Static and dynamic imports and re-exports: `from '…'`, `import '…'`, `import('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** What `file` imports, as written. */
function specifiers(file: string): string[] {
  return [...readFileSync(join(root, file), 'utf8').matchAll(SPECIFIER)].map((match) => match[1]!);
}

const aliases: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).imports ?? {};

/** The root-relative path an import points at, or undefined for a package. */
function target(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.'))
    return relative(root, resolve(root, dirname(file), specifier))
      .split(sep)
      .join('/');
  for (const [alias, path] of Object.entries(aliases)) {
    const prefix = alias.replace(/\*$/, '');
    if (specifier.startsWith(prefix)) return join(path.replace(/\*$/, ''), specifier.slice(prefix.length));
  }
  return undefined;
}

describe('layout', () => {
  it('keeps every route under src/pages at 40 lines or fewer', () => {
    const long = codeFiles('src/pages')
      .map((file) => ({ file, lines: lineCount(readFileSync(join(root, file), 'utf8')) }))
      .filter(({ lines }) => lines > 40)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it('has no import that climbs more than two folders', () => {
    const climbing = ['src', 'tools', 'bench', 'tests', 'services'].flatMap((folder) =>
      codeFiles(folder).flatMap((file) =>
        specifiers(file)
          .filter((specifier) => /^(\.\.\/){3,}/.test(specifier))
          .map((specifier) => `${file}: ${specifier}`),
      ),
    );
    expect(climbing).toEqual([]);
  });

  it('keeps the tests and the benchmark out of src, tools and services', () => {
    const leaning = ['src', 'tools', 'services'].flatMap((folder) =>
      codeFiles(folder).flatMap((file) =>
        specifiers(file)
          .filter((specifier) => /^(tests|bench)\//.test(target(file, specifier) ?? ''))
          .map((specifier) => `${file}: ${specifier}`),
      ),
    );
    expect(leaning).toEqual([]);
  });
});
