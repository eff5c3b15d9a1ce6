import { defineConfig } from '@playwright/test';
import { findHeadlessChromium, QUIET_CHROMIUM } from './tools/chromium/find.ts';
import { origin, PORTS } from './tests/harness/ports.ts';

const chromium = findHeadlessChromium();

// Tests live by feature under tests/e2e/<feature>/; each file names the site it runs
// against (tests/e2e/support/site.ts), which the harness builds when first asked for.
export default defineConfig({
  testDir: './tests/e2e',
  // Per port base, like the harness's builds, so that two runs in one checkout keep their results apart.
  outputDir: process.env['TEST_PORT_BASE'] ? `test-results-${process.env['TEST_PORT_BASE']}` : 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  // Axe over several states takes a while on a busy two-core machine.
  timeout: 60_000,
  // Browser tests wait on pages, animations and servers as much as they compute: three keep both cores busy.
  workers: 3,
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    // A trace records every step of every test, and took a third of the suite's processor time:
    // off, with a screenshot and the page's accessibility snapshot of a failure instead. To trace a
    // failing test: npx playwright test <file> --trace retain-on-failure.
    trace: 'off',
    screenshot: 'only-on-failure',
    // The banner fades in; tests and axe look at it once it is there.
    contextOptions: { reducedMotion: 'reduce' },
    // Without the zygote, each page's process is started directly: measured, the same tests take
    // 6–14% less of the processor here. Playwright runs Chromium without its sandbox, which this needs.
    launchOptions: { ...(chromium ? { executablePath: chromium } : {}), args: [...QUIET_CHROMIUM, '--no-zygote'] },
  },
  projects: [
    { name: 'features', testIgnore: ['editor/**', 'scan/**'] },
    // Dev servers of the real project, after the other tests, beside the scan, where they cost no
    // extra time. One worker, in file order: two dev servers of one project would share Astro's
    // .astro/, so the drafts preview stops its dev server before the web editor starts its own.
    { name: 'editor', testMatch: 'editor/**/*.spec.ts', dependencies: ['features'], fullyParallel: false, workers: 1 },
    // The cookie scan drives its own Chromium through every consent state: after the other tests,
    // so that its load does not starve them.
    { name: 'scan', testMatch: 'scan/**/*.spec.ts', dependencies: ['features'] },
  ],
  webServer: {
    command: 'node tests/harness/harness.ts',
    url: `${origin(PORTS.harness)}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
