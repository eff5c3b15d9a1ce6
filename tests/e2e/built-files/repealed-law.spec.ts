/**
 * "PuL", named after personuppgiftslagen (repealed in 2018), appears nowhere on
 * the site but in version 1's own text, which is recorded as published: its
 * body on its pages, its Markdown source, and what a changes page shows struck
 * through as removed from it. Every built file is read, with version 1 in force
 * and with the version 2 drafts in force.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { parse } from 'node-html-parser';
import { testOn } from '../support/site';

const PUL = /\bPuL\b/;

/** Version 1 of the privacy policy: its page and its Markdown source. */
const VERSION_1_PAGE = '/integritetspolicy/versioner/2026-11-24/';
const VERSION_1_SOURCE = '/integritetspolicy/versioner/2026-11-24.md';

/** The built files a visitor or a program can read: pages, sources, feeds, scripts. */
const TEXT_FILE = /\.(html|md|xml|json|txt|js|css|webmanifest)$/;

const SITES = [
  { name: 'published', version1InForce: true },
  { name: 'v2-filled', version1InForce: false },
] as const;

/** Where "PuL" is in `text`, with a little of what surrounds it, for the failure message. */
function around(text: string): string {
  const index = text.search(PUL);
  return text.slice(Math.max(0, index - 60), index + 60).replace(/\s+/g, ' ');
}

for (const { name, version1InForce } of SITES) {
  const test = testOn(name);

  test(`${name}: no built file says "PuL" outside version 1's own text`, async ({ site: { dist } }) => {
    const version1Pages = new Set([VERSION_1_PAGE, ...(version1InForce ? ['/integritetspolicy/'] : [])]);
    const found: string[] = [];
    let pages = 0;
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
      if (!TEXT_FILE.test(file)) continue;
      const path = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      const text = readFileSync(join(dist, file), 'utf8');
      if (path === VERSION_1_SOURCE) {
        // The scan finds the word where it is: version 1's source holds it.
        expect(text).toMatch(PUL);
        continue;
      }
      if (!file.endsWith('.html')) {
        if (PUL.test(text)) found.push(`${path}: …${around(text)}…`);
        continue;
      }
      pages += 1;
      const root = parse(text);
      // What a changes page shows removed from an earlier version.
      for (const removed of root.querySelectorAll('del')) removed.remove();
      if (version1Pages.has(path)) {
        const body = root.querySelectorAll('article .prose');
        expect(body, `${path} shows version 1's text once`).toHaveLength(1);
        expect(body[0]!.text).toMatch(PUL);
        body[0]!.remove();
      }
      const rest = root.toString();
      if (PUL.test(rest)) found.push(`${path}: …${around(rest)}…`);
    }
    expect(pages).toBeGreaterThan(9);
    expect(found).toEqual([]);
  });
}
