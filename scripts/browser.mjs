// Finds the Chromium that the browser tests drive. Shared by playwright.config.ts
// and scripts/ensure-browser.mjs so both agree on the order of preference.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Debian, Ubuntu and Fedora put their Chromium at one of these. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The browser to launch: `CHROMIUM_PATH` when set, else a Chromium installed by
 * `npx playwright install`, else the system's. Undefined when there is none.
 * @returns {string | undefined}
 */
export function findChromium() {
  const override = process.env.CHROMIUM_PATH;
  if (override) return override;
  let playwrights;
  try {
    playwrights = chromium.executablePath();
  } catch {
    playwrights = undefined;
  }
  return [playwrights, ...SYSTEM_CHROMIUMS].find((path) => path && existsSync(path));
}

/** Flags that keep Chromium from calling home, which a closed network punishes with slow failures. */
export const QUIET_CHROMIUM = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
];
