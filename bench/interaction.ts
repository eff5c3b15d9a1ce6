// Returning visitors: the JS a repeat visit runs, and how soon the preferences open
// after a click on Cookieinställningar.
import { gzipSync } from 'node:zlib';
import { chromium, type Cookie, type Page, type Response } from '@playwright/test';
import { QUIET_CHROMIUM } from '../tools/chromium/find.ts';
import type { MeasuredPage } from './pagesSite.ts';
import { log, median } from './shared.ts';

/** Samples of the click-to-dialog time per page and way of opening. */
export const OPEN_SAMPLES = 10;

/** The scripts a page runs, gzipped: how many, their bytes, and the consent's share of them. */
export interface ScriptsRun {
  scripts: number;
  bytes: number;
  consent: number;
}

/** A returning visitor's page: the JS it runs, and the median click-to-preferences times in ms. */
export interface Returning extends MeasuredPage {
  run: ScriptsRun;
  hover: number;
  direct: number;
}

/** The footer link that opens the preferences, and the dialog it opens. */
const settingsLink = (page: Page) => page.getByRole('contentinfo').getByRole('link', { name: 'Cookieinställningar' });
const preferencesDialog = (page: Page) => page.getByRole('dialog', { name: 'Cookieinställningar' });

/** The consent's own scripts: the small one every page runs, and the banner it loads when needed. */
const CONSENT_SCRIPT = /\/(ConsentBanner\.astro[^/]*|banner-[^/]*)\.js$/;

/**
 * The gzipped bytes (level 9, as the budget test counts them) of every script the page
 * runs, from cache or not: all of them, and the consent's alone (a page's own feature, such
 * as the contact page's request form, is not the consent's to budget).
 */
async function scriptsRun(page: Page, url: string): Promise<ScriptsRun> {
  const loaded: Promise<{ consent: boolean; bytes: number }>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== 'script' || response.status() !== 200) return;
    const consent = CONSENT_SCRIPT.test(new URL(response.url()).pathname);
    loaded.push(response.body().then((body) => ({ consent, bytes: gzipSync(body, { level: 9 }).length })));
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const scripts = await Promise.all(loaded);
  const sum = (list: { bytes: number }[]) => list.reduce((total, script) => total + script.bytes, 0);
  return { scripts: scripts.length, bytes: sum(scripts), consent: sum(scripts.filter((script) => script.consent)) };
}

/** What the page-side watch below keeps on the window. */
interface Watched {
  __clickedAt: number;
  __openedIn?: number;
}

/**
 * Milliseconds from the click on Cookieinställningar to the first frame in which the
 * preferences are visible. `hover`: the pointer rests on the link first (which prefetches
 * the banner) until the page's network is idle, as it would while a visitor aims.
 */
async function clickToDialog(page: Page, { hover }: { hover: boolean }): Promise<number> {
  const link = settingsLink(page);
  if (hover) {
    await link.hover();
    await page.waitForLoadState('networkidle');
  }
  // Watched from inside the page, frame by frame from the click on: a check from outside
  // would add its own round trip to the figure.
  await page.evaluate(() => {
    const state = globalThis as unknown as Watched;
    const watch = () => {
      const dialog = document.querySelector('[role="dialog"][aria-modal="true"], dialog[open]');
      if (dialog?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        state.__openedIn = performance.now() - state.__clickedAt;
      } else requestAnimationFrame(watch);
    };
    document.addEventListener(
      'click',
      () => {
        state.__clickedAt = performance.now();
        requestAnimationFrame(watch);
      },
      { capture: true, once: true },
    );
  });
  await link.click();
  const opened = await page.waitForFunction(() => (globalThis as unknown as Watched).__openedIn);
  const ms = (await opened.jsonValue()) ?? Number.NaN;
  await preferencesDialog(page).waitFor({ state: 'visible' });
  return ms;
}

/**
 * For each page, as a visitor who accepted everything: the scripts a repeat visit runs,
 * and the median time from a click on Cookieinställningar to the preferences, after a
 * hover and without one.
 */
export async function measureReturning(
  origin: string,
  pages: MeasuredPage[],
  browserPath: string,
): Promise<Returning[]> {
  log(`returning visitors: JS run, and click to preferences (median of ${OPEN_SAMPLES})…`);
  const browser = await chromium.launch({ executablePath: browserPath, args: QUIET_CHROMIUM });
  const results: Returning[] = [];
  try {
    for (const { name, path } of pages) {
      const url = origin + path;
      // Consent stored once, with everything accepted, so the tools' start is counted too.
      const first = await browser.newContext({ locale: 'sv-SE' });
      const firstPage = await first.newPage();
      await firstPage.goto(url);
      await firstPage.getByRole('button', { name: 'Acceptera alla' }).click();
      await firstPage.getByRole('button', { name: 'Acceptera alla' }).waitFor({ state: 'hidden' });
      const cookies: Cookie[] = await first.cookies();
      await first.close();

      const returning = async () => {
        const context = await browser.newContext({ locale: 'sv-SE' });
        await context.addCookies(cookies);
        return context;
      };
      // JS run on a repeat visit: a warm cache changes where scripts come from, not which run.
      const context = await returning();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      const run = await scriptsRun(page, url);
      await context.close();

      // Each sample in a fresh context: the banner is not yet in any cache, as on a visitor's first open.
      const samples: Record<'hover' | 'direct', number[]> = { hover: [], direct: [] };
      for (let sample = 0; sample < OPEN_SAMPLES; sample++) {
        for (const way of ['hover', 'direct'] as const) {
          const context = await returning();
          const page = await context.newPage();
          await page.goto(url, { waitUntil: 'networkidle' });
          samples[way].push(await clickToDialog(page, { hover: way === 'hover' }));
          await context.close();
        }
      }
      results.push({ name, path, run, hover: median(samples.hover), direct: median(samples.direct) });
      log(
        `  ${path}: ${run.bytes} B of JS (${run.consent} B consent); open ${median(samples.hover).toFixed(0)} ms after hover, ${median(samples.direct).toFixed(0)} ms without`,
      );
    }
  } finally {
    await browser.close();
  }
  return results;
}
