// The click on Acceptera alla, ours against the bare library: how long the browser takes
// to answer it (Event Timing, as INP counts an interaction), on the site's page with our
// banner and on the same page with vanilla-cookieconsent alone, configured with our texts
// and categories and nothing of ours around it.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { BANNER_LAYOUT } from '../src/lib/consent/bannerConfig.ts';
import { QUIET_CHROMIUM } from '../tools/chromium/find.ts';
import { log, median, root } from './shared.ts';

/** Samples of each banner, taken in turn so that both see the same load on the machine. */
export const ACCEPT_SAMPLES = 10;

/** Where in a build the bench puts the bare library's page. */
export const BARE_PATH = '/bare-cookieconsent/';

/** The smallest duration Event Timing reports (its `durationThreshold` floor). */
export const EVENT_THRESHOLD = 16;

/** One banner's medians in ms: the interaction as Event Timing measured it (0: under the threshold), and input to the next frame. */
export interface AcceptFigures {
  interaction: number;
  nextFrame: number;
}

/** Our banner and the bare library's on the same page of one build. */
export interface AcceptComparison {
  path: string;
  ours: AcceptFigures;
  bare: AcceptFigures;
}

/** The consent's own script tags, which the bare page leaves out. */
const CONSENT_SCRIPT_TAG =
  /<script\b[^>]*\bsrc="[^"]*\/(?:ConsentBanner\.astro[^"/]*|banner-[^"/]*)\.js"[^>]*><\/script>/g;

/** What the bare page needs of what our page carries (`#consent-setup`), in either of its forms. */
interface CarriedSetup {
  revision: number;
  cookieName: string;
  cookieDays?: number;
  categories: { id: string }[];
  toolCategories?: string[];
  /** The whole configuration (`standard`), or the settings without the texts, carried by the page. */
  banner?: { standard: Record<string, unknown> } | Record<string, unknown>;
  /** The hashes of the two layers' texts, published at TEXTS_PATH + `<hash>.json`. */
  texts?: { standard: { banner: string; preferences: string } };
}

/** A published layer text: the library's texts for the layer and, for the preferences, what each category clears. */
interface LayerText {
  text: unknown;
  clears?: Record<string, string[]>;
}

const TEXTS_PATH = 'samtycke/texter';

/**
 * vanilla-cookieconsent's configuration as our banner runs it without Global Privacy Control,
 * read from the build: from the page where it carries the configuration whole, or put
 * together, as the banner does in the browser, from the page's settings and the two published
 * layer texts it names. Only the callbacks are left out.
 */
function ourConfig(dist: string, setup: CarriedSetup): Record<string, unknown> {
  if (setup.banner && 'standard' in setup.banner) return setup.banner.standard as Record<string, unknown>;
  if (!setup.texts) throw new Error('The consent setup carries neither the banner nor its texts.');
  const read = (hash: string) => JSON.parse(readFileSync(join(dist, TEXTS_PATH, `${hash}.json`), 'utf8')) as LayerText;
  const banner = read(setup.texts.standard.banner);
  const preferences = read(setup.texts.standard.preferences);
  const categories = Object.fromEntries(
    setup.categories.map(({ id }) => [
      id,
      id === 'necessary'
        ? { enabled: true, readOnly: true }
        : {
            enabled: false,
            readOnly: false,
            autoClear: {
              cookies: (preferences.clears?.[id] ?? []).map((name) => ({ name })),
              reloadPage: setup.toolCategories?.includes(id) ?? false,
            },
          },
    ]),
  );
  const language = {
    default: 'sv',
    translations: { sv: { consentModal: banner.text, preferencesModal: preferences.text } },
  };
  // The page may carry the settings (everything but the texts) as the banner runs them.
  if (setup.banner && 'categories' in setup.banner) return { ...setup.banner, language };
  return {
    revision: setup.revision,
    mode: 'opt-in',
    autoShow: true,
    hideFromBots: false,
    disablePageInteraction: false,
    manageScriptTags: false,
    cookie: { name: setup.cookieName, expiresAfterDays: setup.cookieDays ?? 182, sameSite: 'Lax' },
    guiOptions: BANNER_LAYOUT,
    categories,
    language: {
      default: 'sv',
      translations: { sv: { consentModal: banner.text, preferencesModal: preferences.text } },
    },
  };
}

/**
 * Writes the bare library's page into `dist`: the page at `path` with its consent scripts
 * taken out and vanilla-cookieconsent's own dist JS and CSS (from node_modules) put in, run
 * with our banner's configuration (see ourConfig) and no callbacks. Scripts and styles are
 * files, as the pages' CSP asks.
 */
export function writeBarePage(dist: string, path: string): void {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const carried = /<script type="application\/json" id="consent-setup">([^<]*)<\/script>/.exec(html)?.[1];
  if (!carried) throw new Error(`${path} carries no consent setup.`);
  const config = ourConfig(dist, JSON.parse(carried) as CarriedSetup);
  const withoutOurs = html.replace(CONSENT_SCRIPT_TAG, '');
  if (withoutOurs === html) throw new Error(`No consent script found on ${path}.`);
  const dir = join(dist, BARE_PATH);
  mkdirSync(dir, { recursive: true });
  const library = join(root, 'node_modules/vanilla-cookieconsent/dist');
  copyFileSync(join(library, 'cookieconsent.umd.js'), join(dir, 'cookieconsent.umd.js'));
  copyFileSync(join(library, 'cookieconsent.css'), join(dir, 'cookieconsent.css'));
  writeFileSync(join(dir, 'run.js'), `CookieConsent.run(${JSON.stringify(config)});\n`);
  const head =
    `<link rel="stylesheet" href="${BARE_PATH}cookieconsent.css">` +
    `<script defer src="${BARE_PATH}cookieconsent.umd.js"></script>` +
    `<script defer src="${BARE_PATH}run.js"></script>`;
  writeFileSync(join(dir, 'index.html'), withoutOurs.replace('</head>', `${head}</head>`));
}

/** What the page-side watch below keeps on the window. */
interface Watched {
  __events: { duration: number; interactionId: number }[];
  __downAt?: number;
  __nextFrame?: number;
}

/**
 * One first visit to `url` in a fresh context: waits for the banner, then clicks Acceptera
 * alla and reads how long the browser took to answer. Event Timing gives the interaction's
 * duration as INP counts it (the longest of its events, from the input to the next frame
 * painted, in steps of 8 ms, none below 16 ms); the page's own clock gives the time from the
 * pointerdown to the first frame after the click's handlers, to the millisecond.
 */
async function acceptOnce(browser: Browser, url: string): Promise<AcceptFigures> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const accept = page.getByRole('button', { name: 'Acceptera alla' }).first();
    await accept.waitFor({ state: 'visible' });
    // The banner's entrance has finished: the click meets it at rest, as a visitor's would.
    await page.waitForFunction(() => {
      const modal = document.querySelector('#cc-main .cm');
      return modal !== null && getComputedStyle(modal).opacity === '1';
    });
    await page.evaluate((threshold) => {
      const state = globalThis as unknown as Watched;
      state.__events = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEventTiming[]) {
          state.__events.push({ duration: entry.duration, interactionId: entry.interactionId });
        }
      }).observe({ type: 'event', durationThreshold: threshold, buffered: true } as PerformanceObserverInit);
      addEventListener('pointerdown', (event) => void (state.__downAt = event.timeStamp), {
        capture: true,
        once: true,
      });
      // Bubbling on the window: after the banner's own handlers on the button.
      addEventListener(
        'click',
        () =>
          requestAnimationFrame(() =>
            setTimeout(() => void (state.__nextFrame = performance.now() - (state.__downAt ?? Number.NaN))),
          ),
        { once: true },
      );
    }, EVENT_THRESHOLD);
    await accept.click();
    await accept.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => (globalThis as unknown as Watched).__nextFrame !== undefined);
    // Event Timing reports after the frame is presented: give it two more frames.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))),
    );
    const { events, nextFrame } = await page.evaluate(() => {
      const state = globalThis as unknown as Watched;
      return { events: state.__events, nextFrame: state.__nextFrame ?? Number.NaN };
    });
    const interaction = Math.max(
      0,
      ...events.filter((event) => event.interactionId > 0).map((event) => event.duration),
    );
    return { interaction, nextFrame };
  } finally {
    await context.close();
  }
}

/**
 * Our banner's Acceptera alla on `path` of the build served at `origin`, against the bare
 * library's on the same page (written by writeBarePage): `ACCEPT_SAMPLES` first visits each,
 * in turn, each in a fresh context.
 */
export async function measureAccept(origin: string, path: string, browserPath: string): Promise<AcceptComparison> {
  log(`Acceptera alla, ours against the bare library (median of ${ACCEPT_SAMPLES})…`);
  const browser = await chromium.launch({ executablePath: browserPath, args: QUIET_CHROMIUM });
  const samples = { ours: [] as AcceptFigures[], bare: [] as AcceptFigures[] };
  try {
    for (let sample = 0; sample < ACCEPT_SAMPLES; sample++) {
      samples.ours.push(await acceptOnce(browser, origin + path));
      samples.bare.push(await acceptOnce(browser, origin + BARE_PATH));
    }
  } finally {
    await browser.close();
  }
  const sum = (list: AcceptFigures[]): AcceptFigures => ({
    interaction: median(list.map((figures) => figures.interaction)),
    nextFrame: median(list.map((figures) => figures.nextFrame)),
  });
  const result = { path, ours: sum(samples.ours), bare: sum(samples.bare) };
  log(
    `  ours ${result.ours.interaction} ms (next frame ${result.ours.nextFrame.toFixed(1)} ms), bare ${result.bare.interaction} ms (next frame ${result.bare.nextFrame.toFixed(1)} ms)`,
  );
  return result;
}
