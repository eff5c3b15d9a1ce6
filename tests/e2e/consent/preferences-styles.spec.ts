import { expect, type Page } from '@playwright/test';
import { banner, preferences } from '../support/consent';
import { slowDown } from '../support/helpers';
import { testOn } from '../support/site';

const test = testOn('published');

/** What only the preferences need: their styles and the words of their proof. */
const PREFERENCES_ONLY = /\/_astro\/(preferences-[^/]*\.css|proof-[^/]*\.js)$/;

const settingsButton = (page: Page) => banner(page).getByRole('button', { name: 'Inställningar' });

/** The preferences' styles. */
const PREFERENCES_STYLES = /\/_astro\/preferences-[^/]*\.css$/;

/** Where the preferences stood in one frame in which they were visible. */
interface Frame {
  /** `fixed` once the library's styles lay them out over the page. */
  position: string;
  top: number;
  bottom: number;
}

/**
 * Watches the preferences frame by frame from inside the page, for each frame in which they are
 * visible; the function returned hands over the frames seen since it was last called.
 */
async function watchPreferences(page: Page): Promise<() => Promise<Frame[]>> {
  await page.evaluate(() => {
    const seen: Frame[] = [];
    (globalThis as unknown as { __seen: Frame[] }).__seen = seen;
    const frame = () => {
      const dialog = document.querySelector('#cc-main .pm');
      if (dialog?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        const { top, bottom } = dialog.getBoundingClientRect();
        seen.push({ position: getComputedStyle(dialog).position, top: Math.round(top), bottom: Math.round(bottom) });
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return () => page.evaluate(() => (globalThis as unknown as { __seen: Frame[] }).__seen.splice(0));
}

/** A first visit with the preferences' styles held back by `ms`, the banner up and the preferences watched. */
async function firstVisitWithSlowStyles(page: Page, ms: number): Promise<() => Promise<Frame[]>> {
  await slowDown(page, PREFERENCES_STYLES, ms);
  await page.goto('/');
  await expect(settingsButton(page)).toBeVisible();
  return watchPreferences(page);
}

/** The layouts the preferences had in the frames seen. */
const positions = (frames: Frame[]) => new Set(frames.map((frame) => frame.position));

test('a first visit that answers the banner never fetches what only the preferences need', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (PREFERENCES_ONLY.test(request.url())) fetched.push(request.url());
  });
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
  await expect(banner(page)).toBeHidden();
  await page.goto('/cookiepolicy/');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
});

test('a click on Inställningar before the preferences’ styles arrive opens them once the styles apply, never unstyled', async ({
  page,
}) => {
  const seen = await firstVisitWithSlowStyles(page, 800);
  const styles = page.waitForResponse(PREFERENCES_STYLES);
  // A click with no pointer over the button first: nothing has fetched the styles yet.
  await settingsButton(page).dispatchEvent('click');
  await expect(preferences(page)).toBeHidden();
  await styles;
  await expect(preferences(page)).toBeVisible();
  await expect(preferences(page).getByRole('button', { name: 'Spara mina val' })).toBeVisible();
  const frames = await seen();
  expect(frames.length).toBeGreaterThan(0);
  expect(positions(frames)).toEqual(new Set(['fixed']));
});

test('while the preferences’ styles are on their way, what the library builds ahead takes no room and no click', async ({
  page,
}) => {
  const seen = await firstVisitWithSlowStyles(page, 1500);
  // The pointer resting on the button: the library builds the preferences, and their styles are asked for.
  const asked = page.waitForRequest(PREFERENCES_STYLES);
  await settingsButton(page).hover();
  await asked;
  await expect(page.locator('#cc-main .pm')).toHaveCount(1);
  await expect(page.locator('#cc-main .pm')).toBeHidden();
  // The button is still what the pointer is over, so the click reaches it.
  expect(
    await settingsButton(page).evaluate((button) => {
      const box = button.getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === button;
    }),
  ).toBe(true);
  await settingsButton(page).click();
  await expect(preferences(page)).toBeVisible();
  expect(positions(await seen())).toEqual(new Set(['fixed']));
});

for (const width of [375, 1280]) {
  test(`at ${width} px wide the preferences stand whole within the screen from their first frame`, async ({ page }) => {
    await page.setViewportSize({ width, height: 720 });
    const wholeInView = async (open: () => Promise<void>) => {
      const place = await watchPreferences(page);
      await open();
      await expect(preferences(page)).toBeVisible();
      await expect(preferences(page).getByRole('button', { name: 'Spara mina val' })).toBeInViewport();
      const frames = await place();
      expect(frames.length).toBeGreaterThan(0);
      for (const { top, bottom } of frames) {
        expect(top).toBeGreaterThanOrEqual(0);
        expect(bottom).toBeLessThanOrEqual(720);
      }
    };
    // From the banner, and, the choice made, from the footer of another page.
    await page.goto('/');
    await wholeInView(() => settingsButton(page).click());
    await preferences(page).getByRole('button', { name: 'Avvisa alla' }).click();
    await page.goto('/cookiepolicy/');
    await wholeInView(() => page.getByRole('contentinfo').getByRole('link', { name: 'Cookieinställningar' }).click());
  });
}
