import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describeSiteTextFindings, siteTextFindings } from '../lib/publication/siteText.ts';

/** Every HTML file under `dir`, as its path from `dir` with `/`. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The published banner texts (samtycke/texter/<hash>.json) whose hash a page carries, each as a page of JSON. */
async function bannerTexts(
  root: string,
  pages: readonly { html: string }[],
): Promise<{ page: string; html: string }[]> {
  const folder = join(root, 'samtycke', 'texter');
  const files = await readdir(folder).catch(() => []);
  // Every quoted hash-like string the pages carry, read once: one pass over the pages, however many texts there are.
  const carried = new Set(
    pages.flatMap(({ html }) => [...html.matchAll(/"([0-9a-f]{16})"/g)].map((match) => match[1])),
  );
  const shipped = files.filter((file) => carried.has(file.replace(/\.json$/, '')));
  return Promise.all(
    shipped.map(async (file) => ({
      page: `samtycke/texter/${file}`,
      html: `<script type="application/json">${(await readFile(join(folder, file), 'utf8')).replaceAll('<', '\\u003c')}</script>`,
    })),
  );
}

/**
 * Runs the current-law rules over every built page's own copy (everything but
 * the policy versions' text, see `siteCopy`) and fails the build on a finding,
 * naming the page and the text. The pages are removed then, so that nothing
 * is published that says it.
 */
export function siteTextCheck(): AstroIntegration {
  return {
    name: 'site-text-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = await Promise.all(
          (await htmlFiles(root)).map(async (page) => ({ page, html: await readFile(join(root, page), 'utf8') })),
        );
        // The banner's texts are published beside the pages, which carry only their hashes: those
        // the pages ship are checked as the pages are (older versions' stay as they were shown).
        const shipped = await bannerTexts(root, pages);
        const findings = siteTextFindings([...pages, ...shipped]);
        if (findings.length === 0) {
          logger.info(`${pages.length} pages' own text checked against current law: nothing out of date.`);
          return;
        }
        await rm(root, { recursive: true, force: true });
        throw new Error(describeSiteTextFindings(findings));
      },
    },
  };
}
