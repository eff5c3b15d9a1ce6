import { defineConfig } from '@playwright/test';
import { findChromium, QUIET_CHROMIUM } from './tools/chromium/find.ts';
import { CONSENT_LOG_TOKEN, origin as url, PORTS } from './tests/support/ports';

const chromium = findChromium();

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // Axe over several states takes a while on a busy two-core machine.
  timeout: 60_000,
  workers: 2,
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    // The banner fades in; tests and axe look at it once it is there.
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: { ...(chromium ? { executablePath: chromium } : {}), args: QUIET_CHROMIUM },
  },
  projects: [
    { name: 'site', testMatch: 'site/**/*.spec.ts', use: { baseURL: url(PORTS.site) } },
    { name: 'fixture', testMatch: 'fixture/**/*.spec.ts', use: { baseURL: url(PORTS.fixture) } },
    { name: 'later', testMatch: 'later/**/*.spec.ts', use: { baseURL: url(PORTS.later) } },
    { name: 'v2', testMatch: 'v2/**/*.spec.ts', use: { baseURL: url(PORTS.v2) } },
    { name: 'paged', testMatch: 'paged/**/*.spec.ts', use: { baseURL: url(PORTS.paged) } },
    { name: 'dev', testMatch: 'dev/**/*.spec.ts', use: { baseURL: url(PORTS.dev) } },
    // Starts its own servers (`npm run edit` on a copy of the content) and builds that copy. After
    // `dev`: two dev servers of one project share Astro's .astro/data-store.json and reload it when
    // the other writes it, so `dev`'s server would then show the copy's files.
    { name: 'cms', testMatch: 'cms/**/*.spec.ts', use: { baseURL: url(PORTS.cms) }, dependencies: ['dev'] },
    // The cookie scan drives its own Chromium through every consent state: run it last, so that
    // its load does not starve the timed tests above.
    {
      name: 'scan',
      testMatch: 'scan/**/*.spec.ts',
      use: { baseURL: url(PORTS.site) },
      dependencies: ['site', 'fixture', 'later', 'v2', 'paged', 'dev', 'cms'],
    },
  ],
  webServer: {
    command: `node scripts/test-servers.mjs ${PORTS.site} ${PORTS.fixture} ${PORTS.later} ${PORTS.v2} ${PORTS.paged} ${PORTS.dev} ${PORTS.standins} ${PORTS.receiver} ${PORTS.consentLog} ${CONSENT_LOG_TOKEN}`,
    // The dev server starts last, after both builds are served.
    url: `${url(PORTS.dev)}/`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
