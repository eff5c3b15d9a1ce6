/**
 * A browser test names the site it runs against; the harness (tests/harness/harness.ts)
 * builds that site the first time any test asks for it and serves it for the rest of the run:
 *   const test = testOn('upcoming-version');
 *   test('…', async ({ page }) => { await page.goto('/'); … });
 */
import { test as base } from '@playwright/test';
import { origin, PORTS } from '../../harness/ports.ts';
import type { SiteName } from '../../harness/sites.ts';

export interface ServedSite {
  /** The origin it is served on. */
  url: string;
  /** Its built files (for a production build). */
  dist: string;
}

/** The named site, built and served; waits while the harness builds it. */
export async function site(name: SiteName): Promise<ServedSite> {
  const address = `${origin(PORTS.harness)}/sites/${name}`;
  for (;;) {
    const response = await fetch(address);
    const body = (await response.json()) as ServedSite & { error?: string };
    if (response.status === 200) return body;
    if (response.status !== 202) throw new Error(body.error ?? `The harness answered ${response.status} for ${name}.`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** Stops serving a site: for a dev server that must not outlive its test. */
export async function stopSite(name: SiteName): Promise<void> {
  await fetch(`${origin(PORTS.harness)}/sites/${name}`, { method: 'DELETE' });
}

const tests = new Map<SiteName, ReturnType<typeof extendFor>>();

function extendFor(name: SiteName) {
  // Test-scoped, not worker-scoped: worker fixtures of their own would give each site its own
  // workers. After the first ask, the harness answers at once.
  return base.extend<{ site: ServedSite }>({
    site: [
      // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first parameter.
      async ({}, use) => {
        await use(await site(name));
      },
      // Its own timeout: several builds may be queued ahead of this one on a two-core machine.
      { timeout: 600_000 },
    ],
    baseURL: async ({ site }, use) => {
      await use(site.url);
    },
  });
}

/** Playwright's `test`, with `baseURL` the named site and `site` its origin and files. */
export function testOn(name: SiteName): ReturnType<typeof extendFor> {
  let test = tests.get(name);
  if (!test) tests.set(name, (test = extendFor(name)));
  return test;
}
