/**
 * Pages stay small however long the history grows: at a thousand versions of
 * each policy, no HTML page of the built site is over 100 KB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateVersions } from '../harness/generateVersions.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'policy-scale-'));
// Thousands of files: removing them takes a while on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

const LIMIT = 100_000;

it('at 1000 versions of each policy, no page is over 100 KB', { timeout: 300_000 }, () => {
  const content = join(work, 'content');
  const dist = join(work, 'dist');
  generateVersions({
    sourceDir: join(root, 'src/content/policies'),
    outDir: content,
    count: 1000,
    lastDate: '2026-11-24',
  });
  // Vitest puts its own import.meta.env into process.env; the build must not inherit it.
  const { MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, BASE_URL: _base, ...inherited } = process.env;
  const build = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
    cwd: root,
    encoding: 'utf8',
    // A line per page: thousands of them.
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      POLICIES_DIR: content,
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(work, 'cache'),
      SITE_TODAY: '2026-11-24',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  expect(build.status, build.stderr).toBe(0);
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ page: relative(dist, join(dist, file)), size: statSync(join(dist, file)).size }));
  expect(pages.length).toBeGreaterThan(4000);
  const largest = pages.reduce((a, b) => (b.size > a.size ? b : a));
  expect(largest.size, `largest: ${largest.page}`).toBeLessThanOrEqual(LIMIT);
  // The long lists are paged: the changelog's 2000 versions over a hundred pages.
  expect(pages.map(({ page }) => page)).toContain('andringar/100/index.html');
});
