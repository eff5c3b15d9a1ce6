// Lighthouse, mobile (its defaults: a mid-range phone on a slow 4G connection, simulated).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { QUIET_CHROMIUM } from '../tools/chromium/find.ts';
import type { MeasuredPage } from './pagesSite.ts';
import { log, median } from './shared.ts';

/** The categories scored, in the report's column order. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** A page's medians over the runs, and every audit that scored below 90 in any run. */
export interface LighthouseResult extends MeasuredPage {
  /** 0–100 per category. */
  scores: Record<string, number>;
  /** Largest contentful paint, in ms. */
  lcp: number;
  cls: number;
  /** Total blocking time, in ms. */
  tbt: number;
  failing: string[];
}

type Sample = Omit<LighthouseResult, 'name' | 'path'>;

/** One Lighthouse run of `url` in the browser listening on `port`. */
async function runOnce(url: string, port: number): Promise<Sample> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    // The screenshots score nothing: left out, a run is a little shorter.
    disableFullPageScreenshot: true,
    skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
  });
  if (!result) throw new Error(`Lighthouse on ${url}: no result`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${new URL(url).pathname}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (value === undefined) throw new Error(`Lighthouse on ${url}: no ${id}`);
    return value;
  };
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])),
    lcp: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbt: numeric('total-blocking-time'),
    failing: CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
        .map((ref) => ref.id),
    ),
  };
}

/** `runs` Lighthouse runs of each page, summed up as medians. */
export async function measureLighthouse(
  origin: string,
  pages: MeasuredPage[],
  runs: number,
  browserPath: string,
): Promise<LighthouseResult[]> {
  log(`Lighthouse, ${runs} runs per page…`);
  const chrome = await chromeLauncher.launch({
    chromePath: browserPath,
    chromeFlags: ['--headless=new', '--no-sandbox', ...QUIET_CHROMIUM],
  });
  const results: LighthouseResult[] = [];
  try {
    for (const { name, path } of pages) {
      const samples: Sample[] = [];
      for (let run = 0; run < runs; run++) samples.push(await runOnce(origin + path, chrome.port));
      const result: LighthouseResult = {
        name,
        path,
        scores: Object.fromEntries(
          CATEGORIES.map((id) => [id, median(samples.map((sample) => sample.scores[id] ?? Number.NaN))]),
        ),
        lcp: median(samples.map((sample) => sample.lcp)),
        cls: median(samples.map((sample) => sample.cls)),
        tbt: median(samples.map((sample) => sample.tbt)),
        failing: [...new Set(samples.flatMap((sample) => sample.failing))],
      };
      results.push(result);
      log(`  ${path}: ${CATEGORIES.map((id) => result.scores[id]).join(' / ')}`);
    }
  } finally {
    chrome.kill();
  }
  return results;
}
