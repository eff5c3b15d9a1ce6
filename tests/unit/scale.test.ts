/**
 * Pages stay small however long the history grows: at a thousand versions of
 * each policy, no HTML page of the built site is over 100 KB.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { astroBuildSync, projectCopy } from '../harness/astroBuild.ts';
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
  // In a copy of the project, so that the other tests' builds need not wait a minute for this one.
  const project = projectCopy();
  const build = astroBuildSync(
    { POLICIES_DIR: content, ASTRO_OUT_DIR: dist, ASTRO_CACHE_DIR: join(work, 'cache'), SITE_TODAY: '2026-11-24' },
    project,
  );
  rmSync(project, { recursive: true, force: true });
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
