/**
 * What axe cannot see: a skip link that works, a focus ring on everything the
 * keyboard reaches, and no motion for visitors who ask for none.
 */
import { expect, type Page } from '@playwright/test';
import { banner, openPreferences, preferences } from '../support/consent';
import { sitemapPaths } from '../support/helpers';
import { dismissBanner } from '../support/requests';
import { testOn } from '../support/site';

const test = testOn('published');

interface FocusStop {
  name: string;
  ring: boolean;
  id: string;
}

/**
 * Starts noting, in the page, every element that takes focus: described, and whether it
 * shows a ring of at least 2 px. Read at the moment it gets focus, as the visitor sees it.
 */
const noteFocusStops = (page: Page) =>
  page.evaluate(() => {
    const notes = globalThis as typeof globalThis & { focusStops?: FocusStop[] };
    if (!notes.focusStops) {
      document.addEventListener('focusin', ({ target }) => {
        if (!(target instanceof Element) || target === document.body) return;
        const style = getComputedStyle(target);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const label = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 40);
        const id = target.id || `${target.tagName}:${[...document.querySelectorAll('*')].indexOf(target)}`;
        notes.focusStops!.push({ name: `${target.tagName.toLowerCase()} “${label}”`, ring, id });
      });
    }
    notes.focusStops = [];
  });

const focusStops = (page: Page) =>
  page.evaluate(() => (globalThis as typeof globalThis & { focusStops: FocusStop[] }).focusStops);

/**
 * Tabs through the page until focus comes back round: every stop, and those that showed no
 * ring. Real key presses, a few at a time between reads of what took focus.
 */
async function tabThrough(page: Page, limit = 150): Promise<{ stops: string[]; missing: string[] }> {
  await noteFocusStops(page);
  let noted: FocusStop[] = [];
  let round = -1;
  for (let pressed = 0; pressed < limit && round < 0;) {
    for (let i = 0; i < 10 && pressed < limit; i++, pressed++) await page.keyboard.press('Tab');
    noted = await focusStops(page);
    const ids = noted.map((stop) => stop.id);
    round = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  }
  const once = round < 0 ? noted : noted.slice(0, round);
  return {
    stops: once.map((stop) => stop.name),
    missing: once.filter((stop) => !stop.ring).map((stop) => stop.name),
  };
}

test('the first Tab on every page reaches a visible skip link that moves focus to the content', async ({
  page,
  request,
}) => {
  // On a first visit the banner takes focus, so that it is announced; once answered, the skip link comes first.
  await page.goto('/');
  await dismissBanner(page);
  for (const path of await sitemapPaths(request)) {
    await test.step(path, async () => {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
      await expect(skip).toBeFocused();
      const box = await skip.boundingBox();
      expect(box!.width).toBeGreaterThan(40);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      await expect(page.locator('main')).toBeFocused();
      await page.keyboard.press('Tab');
      // The next stop is inside the content, not back in the header.
      expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
    });
  }
});

test('everything the keyboard reaches shows a focus ring, on every page', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await dismissBanner(page);
  for (const path of await sitemapPaths(request)) {
    await test.step(path, async () => {
      await page.goto(path);
      const { stops, missing } = await tabThrough(page);
      expect(stops.length).toBeGreaterThan(5);
      expect(missing).toEqual([]);
    });
  }
});

test('the banner and the preferences show a focus ring on every control', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  await expect(banner(page)).toBeVisible();
  const inBanner = await tabThrough(page);
  for (const button of ['Acceptera alla', 'Avvisa alla', 'Inställningar']) {
    expect(inBanner.stops).toContain(`button “${button}”`);
  }
  expect(inBanner.missing).toEqual([]);
  await dismissBanner(page);
  await openPreferences(page);
  // The banner's code moves focus into the preferences once they have faded in: the walk starts
  // there, so that this move, which no key made, is not taken for a stop of the walk.
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('#cc-main'))).toBe(true);
  // Focus stays inside the open preferences, so the walk ends once it has been round them.
  const inPreferences = await tabThrough(page, 40);
  expect(inPreferences.stops).toContain('button “Spara mina val”');
  expect(inPreferences.missing).toEqual([]);
  await expect(preferences(page)).toBeVisible();
});

/** The longest transition or animation any element of the page has, in seconds. */
const longestMotion = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll('*')].flatMap((element) => {
        const style = getComputedStyle(element);
        return [style.transitionDuration, style.animationDuration].flatMap((list) =>
          list.split(',').map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 0.001 : 1)),
        );
      }),
    ),
  );

test('visitors who prefer reduced motion get none: no fading banner, no smooth scrolling', async ({ browser }) => {
  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await page.goto('/integritetspolicy/');
    await expect(banner(page)).toBeVisible();
    const scrolling = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    const motion = await longestMotion(page);
    if (reducedMotion === 'reduce') {
      expect(scrolling).toBe('auto');
      expect(motion).toBeLessThan(0.001);
    } else {
      // The same checks see the motion others get, so they would catch it above.
      expect(scrolling).toBe('smooth');
      expect(motion).toBeGreaterThan(0.1);
    }
    await context.close();
  }
});
