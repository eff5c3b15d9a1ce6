/**
 * The banner's texts live in their published files (/samtycke/texter/<hash>.json),
 * fetched by the banner when it is shown, never in the pages: every page carries
 * only their hashes. And a text, once shipped, stays published.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from '@playwright/test';
import { parse } from 'node-html-parser';
import { site, testOn } from '../support/site';

interface LayerText {
  layer: 'banner' | 'preferences';
  cookiePolicy: { version: string; effective: string };
  text: {
    description?: string;
    sections?: { title: string; description?: string; cookieTable?: { body: Record<string, string>[] } }[];
  };
}

/** Every published text of a build, by hash, each checked against its name. */
function publishedTexts(dist: string): Map<string, LayerText> {
  const folder = join(dist, 'samtycke', 'texter');
  const texts = new Map<string, LayerText>();
  for (const file of readdirSync(folder)) {
    const body = readFileSync(join(folder, file));
    const hash = file.replace(/\.json$/, '');
    expect(createHash('sha256').update(body).digest('hex').slice(0, 16), file).toBe(hash);
    texts.set(hash, JSON.parse(body.toString('utf8')) as LayerText);
  }
  return texts;
}

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));

for (const name of ['published', 'v2-filled'] as const) {
  const test = testOn(name);

  test(`${name}: no page carries the banner's category descriptions or cookie tables, only the hashes of its texts`, async ({
    site: { dist },
  }) => {
    const texts = publishedTexts(dist);
    // What only the banner's texts hold: the first layer's wording, and the preferences'
    // category descriptions and cookie tables (purposes, providers, durations).
    const bannerOnly = new Set<string>();
    for (const { layer, text } of texts.values()) {
      if (layer === 'banner') bannerOnly.add(text.description!.slice(0, 60));
      for (const section of text.sections ?? []) {
        if (section.description) bannerOnly.add(section.description.slice(0, 60));
        for (const row of section.cookieTable?.body ?? []) bannerOnly.add(row['purpose']!);
      }
    }
    expect(bannerOnly.size).toBeGreaterThan(5);

    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(9);
    for (const file of pages) {
      const page = relative(dist, file);
      // The page's data and script blocks: what is there for the banner, not for the reader.
      const scripts = parse(readFileSync(file, 'utf8'))
        .querySelectorAll('script')
        .map((script) => script.textContent)
        .join('\n');
      for (const text of bannerOnly) expect(scripts, `${page} carries "${text}"`).not.toContain(text);
      const setup = parse(readFileSync(file, 'utf8')).querySelector('#consent-setup');
      if (!setup) continue;
      const { texts: hashes } = JSON.parse(setup.textContent) as {
        texts: Record<string, Record<string, string>>;
      };
      for (const hash of Object.values(hashes).flatMap((layers) => Object.values(layers))) {
        expect(texts.has(hash), `${page} names ${hash}, which is published`).toBe(true);
      }
    }
  });
}

const later = testOn('in-force-later');

later(
  'a text shipped under an earlier cookie policy version stays published when a later one is in force',
  async () => {
    later.setTimeout(900_000);
    const earlier = publishedTexts((await site('published')).dist);
    const now = publishedTexts((await site('in-force-later')).dist);
    const versions = (texts: Map<string, LayerText>) =>
      [...new Set([...texts.values()].map((text) => text.cookiePolicy.version))].sort();
    expect(versions(now).length).toBeGreaterThan(versions(earlier).length);
    // Every text the launch-day site shipped (version 1, both layers, with and without GPC) is
    // published, byte for byte under the same name, by the later build.
    expect(earlier.size).toBe(4);
    for (const [hash, text] of earlier) expect(now.get(hash), hash).toEqual(text);
  },
);
