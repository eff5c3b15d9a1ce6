// The browser a scan drives: the Chromium the tests use, and a fresh context
// per consent state that looks like a Swedish visitor's browser.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { findHeadlessChromium, QUIET_CHROMIUM } from '../../chromium/find.ts';
import { ScanInputError } from '../errors.ts';

/** A launched Chromium, with its version and the user agent of a visitor's browser of that version. */
export interface LaunchedBrowser {
  browser: Browser;
  version: string;
  userAgent: string;
}

/** Launches Chromium, or says how to get one. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findHeadlessChromium();
  if (!executablePath) {
    throw new ScanInputError('No Chromium found: run `node tools/chromium/ensure.ts` or set CHROMIUM_PATH.');
  }
  const browser = await chromium.launch({ executablePath, args: QUIET_CHROMIUM });
  const version = browser.version();
  // A visitor's browser, not a headless one: some tools skip what they take for a robot.
  const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version} Safari/537.36`;
  return { browser, version, userAgent };
}

/** A fresh profile, as a new visitor from Sweden has: nothing stored, no choice made. */
export function newVisitorContext({ browser, userAgent }: LaunchedBrowser): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    reducedMotion: 'reduce',
    serviceWorkers: 'allow',
    userAgent,
  });
}
