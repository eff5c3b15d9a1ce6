import { gzipSync } from 'node:zlib';
import { expect, type Browser, type Page, type Response } from '@playwright/test';
import { sitemapPaths } from '../support/helpers';
import { testOn } from '../support/site';

const KiB = 1024;

/** A first visit, banner and all: HTML, CSS and JS together, gzipped. */
const FIRST_VISIT = 30 * KiB;
/** Of which JS. */
const FIRST_VISIT_JS = 12 * KiB;
/** A returning visitor's JS: the consent boot script alone. */
const REPEAT_JS = 2 * KiB;
/** On /kontakt/ a returning visitor also runs the request form's own first script. */
const REQUEST_FORM_JS = 4 * KiB;

interface Loaded {
  url: string;
  type: string;
  gzipped: number;
}

/** Every response a visit to `path` loads, with its gzipped size (level 9, as a host would send it). */
async function visit(page: Page, path: string, firstVisit: boolean): Promise<Loaded[]> {
  const loaded: Promise<Loaded>[] = [];
  const onResponse = (response: Response) => {
    if (response.status() !== 200) return;
    loaded.push(
      response.body().then((body) => ({
        url: response.url(),
        type: response.request().resourceType(),
        gzipped: gzipSync(body, { level: 9 }).length,
      })),
    );
  };
  page.on('response', onResponse);
  await page.goto(path, { waitUntil: 'networkidle' });
  // A first visit is not over before the banner shows, with its script and styles: on a busy
  // machine the network may fall quiet before the banner's files are asked for.
  if (firstVisit) await expect(page.getByRole('dialog', { name: 'Vi använder cookies' })).toBeVisible();
  // Stop listening before the test ends: a late response (the favicon) must not be read after it.
  page.off('response', onResponse);
  return Promise.all(loaded);
}

const weight = (loaded: Loaded[], types: string[]) =>
  loaded.filter((resource) => types.includes(resource.type)).reduce((sum, resource) => sum + resource.gzipped, 0);

/** Consent given on a first visit, all of it (so that the tools' start is counted too): the cookies to come back with. */
async function consentCookies(browser: Browser, baseURL: string) {
  const first = await browser.newContext({ baseURL: baseURL! });
  const page = await first.newPage();
  await page.goto('/integritetspolicy/');
  await page
    .getByRole('dialog', { name: 'Vi använder cookies' })
    .getByRole('button', { name: 'Acceptera alla' })
    .click();
  await expect.poll(async () => (await first.cookies()).some((cookie) => cookie.name === 'cc_cookie')).toBe(true);
  const cookies = await first.cookies();
  await first.close();
  return cookies;
}

// The published site, and version 2 of both policies in force with every tool and channel
// configured: the longest texts the site has.
for (const name of ['published', 'v2-filled'] as const) {
  const test = testOn(name);

  test.describe(name, () => {
    test('every page’s first visit, /kontakt/ included, weighs at most 30 KiB of HTML, CSS and JS gzipped, 12 KiB of it JS', async ({
      browser,
      baseURL,
      request,
    }) => {
      const paths = await sitemapPaths(request);
      expect(paths).toContain('/kontakt/');
      test.setTimeout(60_000 + paths.length * 20_000);
      for (const path of paths) {
        // A context of its own for each page: an empty cache and no consent, as a first visit has.
        const context = await browser.newContext({ baseURL: baseURL! });
        const loaded = await visit(await context.newPage(), path, true);
        await context.close();
        const [html, css, js] = [['document'], ['stylesheet'], ['script']].map((types) => weight(loaded, types));
        const total = html! + css! + js!;
        const figures = `${path}: ${total} B gzipped (HTML ${html}, CSS ${css}, JS ${js})`;
        test.info().annotations.push({ type: 'first visit', description: figures });
        expect
          .soft(
            loaded.filter((resource) => resource.type === 'document'),
            figures,
          )
          .toHaveLength(1);
        expect.soft(total, `first visit over ${FIRST_VISIT} B: ${figures}`).toBeLessThanOrEqual(FIRST_VISIT);
        expect.soft(js!, `JS over ${FIRST_VISIT_JS} B: ${figures}`).toBeLessThanOrEqual(FIRST_VISIT_JS);
      }
    });

    test('a repeat visit with consent stored runs at most 2 KiB of JS gzipped on every page, and the request form’s own 4 KiB more on /kontakt/, loading no banner or its styles', async ({
      browser,
      baseURL,
      request,
    }) => {
      const paths = await sitemapPaths(request);
      test.setTimeout(60_000 + paths.length * 20_000);
      const cookies = await consentCookies(browser, baseURL!);
      // The same browser later: consent stored, and an empty cache, so that every script it runs is counted.
      const repeatVisit = async (path: string) => {
        const context = await browser.newContext({ baseURL: baseURL! });
        await context.addCookies(cookies);
        const page = await context.newPage();
        const own = (await visit(page, path, false)).filter((resource) => resource.url.startsWith(baseURL!));
        await expect(page.getByRole('dialog', { name: 'Vi använder cookies' })).toHaveCount(0);
        await context.close();
        return own;
      };
      // What every page runs; on /kontakt/ the rest is the request form's.
      const everyPage = new Set(
        (await repeatVisit('/integritetspolicy/'))
          .filter((resource) => resource.type === 'script')
          .map((resource) => resource.url),
      );
      for (const path of paths) {
        const own = await repeatVisit(path);
        const scripts = own.filter((resource) => resource.type === 'script');
        const shared = weight(
          scripts.filter((resource) => everyPage.has(resource.url)),
          ['script'],
        );
        const pageOwn = weight(
          scripts.filter((resource) => !everyPage.has(resource.url)),
          ['script'],
        );
        const figures = `${path}: JS ${shared + pageOwn} B gzipped (${pageOwn} B of it the page’s own)`;
        test.info().annotations.push({ type: 'repeat visit', description: figures });
        expect.soft(shared, `every page’s JS over ${REPEAT_JS} B: ${figures}`).toBeLessThanOrEqual(REPEAT_JS);
        expect
          .soft(pageOwn, `the page’s own JS over its budget: ${figures}`)
          .toBeLessThanOrEqual(path === '/kontakt/' ? REQUEST_FORM_JS : 0);
        expect
          .soft(own.filter((resource) => /\/banner[-.]/.test(resource.url)).map((resource) => resource.url))
          .toEqual([]);
        // The site's stylesheet, and on /kontakt/ the form's: never the banner's.
        expect
          .soft(own.filter((resource) => resource.type === 'stylesheet').length, figures)
          .toBe(path === '/kontakt/' ? 2 : 1);
      }
    });
  });
}

testOn('published')('no page ships a web font or an image it does not need', async ({ page, request }) => {
  const extras: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (['font', 'image', 'media'].includes(req.resourceType()) && url.pathname !== '/favicon.svg') {
      extras.push(`${req.resourceType()} ${req.url()}`);
    }
  });
  for (const path of await sitemapPaths(request)) await page.goto(path, { waitUntil: 'networkidle' });
  expect(extras).toEqual([]);
});
