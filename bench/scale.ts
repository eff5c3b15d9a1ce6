// Scale: N versions of each policy, generated and built from cold.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTENT_PATH } from '../src/lib/content/policyFiles.ts';
import { generateVersions } from '../tests/harness/generateVersions.ts';
import { build } from './build.ts';
import { log, root, work } from './shared.ts';

/** The day the last generated version takes effect, and the day the site is built for. */
const SCALE_LAST_DATE = '2026-11-24';

/** One version count's build: its input, its cost and its output. */
export interface ScaleResult {
  /** Versions per policy. */
  count: number;
  /** MDX files generated. */
  files: number;
  /** HTML pages built. */
  pages: number;
  seconds: number;
  peakMiB: number;
  outputBytes: number;
  /** The largest HTML page, by its path in the output. */
  largest: { path: string; bytes: number };
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => join(dir, file))
    .filter((file) => statSync(file).isFile());
}

/** Generates and builds `count` versions of each policy for every count in `counts`, one after another. */
export async function measureScale(counts: number[]): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const count of counts) {
    const dir = join(work, `scale/${count}`);
    rmSync(dir, { recursive: true, force: true });
    const files = generateVersions({
      sourceDir: join(root, CONTENT_PATH),
      outDir: join(dir, 'content'),
      count,
      lastDate: SCALE_LAST_DATE,
    });
    log(`scale: building ${count} versions per policy (${files} files)…`);
    const dist = join(dir, 'dist');
    const { seconds, peakMiB } = await build(
      {
        POLICIES_DIR: join(dir, 'content'),
        SITE_TODAY: SCALE_LAST_DATE,
        ASTRO_OUT_DIR: dist,
        ASTRO_CACHE_DIR: join(dir, 'cache'),
      },
      join(dir, 'build.log'),
    );
    const output = filesUnder(dist);
    const largest = output
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ path: `/${relative(dist, file)}`, bytes: statSync(file).size }))
      .reduce((a, b) => (b.bytes > a.bytes ? b : a));
    results.push({
      count,
      files,
      pages: output.filter((file) => file.endsWith('.html')).length,
      seconds,
      peakMiB,
      outputBytes: output.reduce((sum, file) => sum + statSync(file).size, 0),
      largest,
    });
    log(`  ${count}: ${seconds.toFixed(1)} s, ${peakMiB.toFixed(0)} MiB`);
    // The output of 1000 versions is large; keep only the figures.
    rmSync(dist, { recursive: true, force: true });
  }
  return results;
}
