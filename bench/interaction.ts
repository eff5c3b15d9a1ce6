// Returning visitors: the JS a repeat visit runs, and how soon the preferences open
// after a click on Cookieinställningar, and after a tap on a phone.
import { gzipSync } from 'node:zlib';
import { chromium, devices, type Browser, type Cookie, type Page, type Response } from '@playwright/test';
import { QUIET_CHROMIUM } from '../tools/chromium/find.ts';
import type { MeasuredPage } from './pagesSite.ts';
import { log, median } from './shared.ts';

/** Samples of the click-to-dialog time per page and way of opening. */
export const OPEN_SAMPLES = 10;

/** The phone the tap is measured on: its screen, its touch, its user agent. */
export const PHONE = 'Pixel 7';

/** The scripts a page runs, gzipped: how many, their bytes, and the consent's share of them. */
export interface ScriptsRun {
  scripts: number;
  bytes: number;
  consent: number;
}

/** Median times in ms from the click (after hover, or without) or the tap on Cookieinställningar to the preferences. */
export interface OpenTimes {
  hover: number;
  direct: number;
  tap: number;
}

/** A returning visitor's page: the JS it runs, and, where timed, how soon the preferences open. */
export interface Returning extends MeasuredPage {
  run: ScriptsRun;
  open?: OpenTimes;
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
  __inputAt: number;
  __openedIn?: number;
}

/**
 * Starts a watch inside the page, frame by frame from the first of `events` on, for the
 * first frame in which the preferences are visible (a check from outside would add its own
 * round trip to the figure). The time is taken in capturing listeners on the window, before
 * any of the page's own.
 */
async function watchForDialog(page: Page, events: string[]): Promise<void> {
  await page.evaluate((events) => {
    const state = globalThis as unknown as Watched;
    const watch = () => {
      const dialog = document.querySelector('[role="dialog"][aria-modal="true"], dialog[open]');
      if (dialog?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        state.__openedIn = performance.now() - state.__inputAt;
      } else requestAnimationFrame(watch);
    };
    const started = () => {
      if (state.__inputAt !== undefined) return;
      state.__inputAt = performance.now();
      requestAnimationFrame(watch);
    };
    for (const type of events) addEventListener(type, started, { capture: true, once: true });
  }, events);
}

/** The time the watch measured, once the preferences are open. */
async function openedIn(page: Page): Promise<number> {
  const opened = await page.waitForFunction(() => (globalThis as unknown as Watched).__openedIn);
  const ms = (await opened.jsonValue()) ?? Number.NaN;
  await preferencesDialog(page).waitFor({ state: 'visible' });
  return ms;
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
  await watchForDialog(page, ['click']);
  await link.click();
  return openedIn(page);
}

/**
 * Milliseconds from the touch on Cookieinställningar (the first of touchstart and
 * pointerdown) to the first frame in which the preferences are visible, on a phone: the
 * link scrolled into view, then one tap at its centre, as a finger would.
 */
async function tapToDialog(page: Page): Promise<number> {
  const link = settingsLink(page);
  await link.scrollIntoViewIfNeeded();
  const box = await link.boundingBox();
  if (!box) throw new Error(`Cookieinställningar has no box on ${page.url()}.`);
  await watchForDialog(page, ['touchstart', 'pointerdown']);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  return openedIn(page);
}

/** The pages on which opening the preferences is timed: the start page, and the largest (the changes page). */
export const isTimed = (page: MeasuredPage): boolean => page.path === '/' || page.path.endsWith('/andringar/');

/** The ways the preferences are opened, in the order each sample takes them. */
const WAYS = ['hover', 'direct', 'tap'] as const;

/**
 * One sample of `way` on `url` in a fresh context with an empty cache and `cookies`, so that
 * the banner is fetched for real, as on a visitor's first open. The page has loaded (its
 * scripts have run) but the banner has not: nothing fetches it before the visitor reaches for the link.
 */
async function openSample(
  browser: Browser,
  url: string,
  cookies: Cookie[],
  way: (typeof WAYS)[number],
): Promise<number> {
  const context = await browser.newContext({ locale: 'sv-SE', ...(way === 'tap' ? devices[PHONE] : {}) });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return way === 'tap' ? await tapToDialog(page) : await clickToDialog(page, { hover: way === 'hover' });
  } finally {
    await context.close();
  }
}

/**
 * For each page, as a visitor who accepted everything: the scripts a repeat visit runs,
 * and, on the pages `timed` picks, the median time from a click on Cookieinställningar to
 * the preferences, after a hover and without one, and from a tap on it on a phone.
 */
export async function measureReturning(
  origin: string,
  pages: MeasuredPage[],
  browserPath: string,
  { timed }: { timed: (page: MeasuredPage) => boolean },
): Promise<Returning[]> {
  log(`returning visitors: JS run, and click and tap to preferences (median of ${OPEN_SAMPLES})…`);
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

      // JS run on a repeat visit: a warm cache changes where scripts come from, not which run.
      const context = await browser.newContext({ locale: 'sv-SE' });
      await context.addCookies(cookies);
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'networkidle' });
      const run = await scriptsRun(page, url);
      await context.close();

      if (!timed({ name, path })) {
        results.push({ name, path, run });
        log(`  ${path}: ${run.bytes} B of JS (${run.consent} B consent)`);
        continue;
      }
      const samples: Record<(typeof WAYS)[number], number[]> = { hover: [], direct: [], tap: [] };
      for (let sample = 0; sample < OPEN_SAMPLES; sample++) {
        for (const way of WAYS) samples[way].push(await openSample(browser, url, cookies, way));
      }
      const open = { hover: median(samples.hover), direct: median(samples.direct), tap: median(samples.tap) };
      results.push({ name, path, run, open });
      log(
        `  ${path}: ${run.bytes} B of JS (${run.consent} B consent); open ${open.hover.toFixed(0)} ms after hover, ${open.direct.toFixed(0)} ms without, ${open.tap.toFixed(0)} ms after a tap`,
      );
    }
  } finally {
    await browser.close();
  }
  return results;
}
