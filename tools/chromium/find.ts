// Finds the Chromium that the browser tests, the cookie scan and the benchmark drive.
// Shared by all three and by ensure.ts, so that they agree on the order of preference.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Debian, Ubuntu and Fedora put their Chromium at one of these. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The browser to launch: `CHROMIUM_PATH` when set, else a Chromium installed by
 * `npx playwright install`, else the system's. Undefined when there is none.
 */
export function findChromium(): string | undefined {
  const override = process.env['CHROMIUM_PATH'];
  if (override) return override;
  let playwrights: string | undefined;
  try {
    playwrights = chromium.executablePath();
  } catch {
    playwrights = undefined;
  }
  return [playwrights, ...SYSTEM_CHROMIUMS].find((path) => path && existsSync(path));
}

/** Debian's old headless shell (package `chromium-headless-shell`): the same engine without the desktop browser around it. */
export const SYSTEM_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The browser for headless work, the browser tests and the scan: `CHROMIUM_PATH` when set, else
 * the system's headless shell, which draws no browser window around the page and so takes about
 * a sixth less of the processor, else `findChromium()`. The bench measures in the full browser,
 * as a visitor's.
 */
export function findHeadlessChromium(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  return existsSync(SYSTEM_HEADLESS_SHELL) ? SYSTEM_HEADLESS_SHELL : findChromium();
}

/** Flags that keep Chromium from calling home, which a closed network punishes with slow failures. */
export const QUIET_CHROMIUM = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
];
