// Drives vanilla-cookieconsent's banner and preferences as a visitor does, to
// bring a fresh browser into a consent state: refuse, accept one category or
// all, and withdraw a category afterwards from the footer's link.
import type { Page } from '@playwright/test';
import { ScanInputError } from '../errors.ts';
import type { CategoryId, Snapshot, StateDef } from '../types.ts';

/** How long to wait for the banner, which may load lazily. */
const BANNER_TIMEOUT_MS = 15000;

const BANNER = '#cc-main .cm';
const PREFERENCES = '#cc-main .pm';

/** What the visitor has agreed to, as a snapshot records it. */
export type Consent = Pick<Snapshot, 'phase' | 'accepted' | 'withdrawn'>;

/** A fresh browser's consent: the necessary category only, before any choice. */
export const NO_CONSENT: Consent = { phase: 'no-consent', accepted: ['necessary'] };

/** Waits for the banner, which every page shows until a choice is made. */
export async function waitForBanner(page: Page, url: string): Promise<void> {
  try {
    await page.locator(BANNER).waitFor({ state: 'visible', timeout: BANNER_TIMEOUT_MS });
  } catch {
    throw new ScanInputError(
      `No consent banner appeared on ${url} within ${BANNER_TIMEOUT_MS / 1000} s. The scan drives vanilla-cookieconsent's banner (#cc-main); without it, no consent state can be reached.`,
    );
  }
}

/** Whether the banner asks for a choice. */
export function bannerVisible(page: Page): Promise<boolean> {
  return page.locator(BANNER).isVisible();
}

async function click(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().click({ timeout: BANNER_TIMEOUT_MS });
}

/**
 * Opens the preferences the way a visitor does after choosing: the footer's
 * Cookieinställningar link, which may load the banner's code first.
 */
async function openPreferences(page: Page, url: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const link = page.locator('footer [data-cc="show-preferencesModal"], [data-cc="show-preferencesModal"]').first();
    if ((await link.count()) === 0) break;
    await link.click();
    try {
      await page.locator(PREFERENCES).waitFor({ state: 'visible', timeout: BANNER_TIMEOUT_MS / 2 });
      return;
    } catch {
      // The link may have followed its href before the banner's code was ready: try once more.
      await page.waitForLoadState('load');
    }
  }
  throw new ScanInputError(
    `The cookie preferences did not open from the link with data-cc="show-preferencesModal" on ${url}, so no category could be withdrawn.`,
  );
}

/**
 * Waits until the open preferences have finished coming in: while the dialog fades and
 * scales in, a click may land on the overlay behind it, or the banner's code may still set
 * the switches to the stored choice after it.
 */
async function preferencesSettled(page: Page): Promise<void> {
  await page.locator(PREFERENCES).waitFor({ state: 'visible', timeout: BANNER_TIMEOUT_MS });
  await page
    .locator('#cc-main')
    .evaluate((main) => Promise.all(main.getAnimations({ subtree: true }).map((animation) => animation.finished)));
}

/** Sets one category's switch in the open preferences. */
async function setCategory(page: Page, category: string, on: boolean, url: string): Promise<void> {
  const toggle = page.locator(`${PREFERENCES} input[value="${category}"]`);
  if ((await toggle.count()) === 0) {
    throw new ScanInputError(`The cookie preferences on ${url} have no switch for the category "${category}".`);
  }
  await toggle.setChecked(on, { force: true });
}

/**
 * Makes the state's choice in the banner on the page at `url`, and returns the
 * consent it gives. `categories` are every category the declaration has.
 */
export async function choose(page: Page, state: StateDef, categories: CategoryId[], url: string): Promise<Consent> {
  let consent = NO_CONSENT;
  if (state.kind === 'refused') {
    await click(page, `${BANNER} [data-role="necessary"]`);
  } else if (state.kind === 'only' && state.category) {
    await click(page, `${BANNER} [data-role="show"]`);
    await preferencesSettled(page);
    for (const category of categories.filter((id) => id !== 'necessary')) {
      await setCategory(page, category, category === state.category, url);
    }
    await click(page, `${PREFERENCES} [data-role="save"]`);
    consent = { phase: 'consent', accepted: ['necessary', state.category] };
  } else if (state.kind === 'all' || state.kind === 'withdrawn') {
    await click(page, `${BANNER} [data-role="all"]`);
    consent = { phase: 'consent', accepted: categories };
  }
  if (state.kind !== 'none') await page.locator(BANNER).waitFor({ state: 'hidden', timeout: BANNER_TIMEOUT_MS });
  return consent;
}

/**
 * Withdraws `category` from the preferences, saves, and waits for the reload
 * that withdrawing a tool's category causes and for the page to settle.
 */
export async function withdraw(
  page: Page,
  category: CategoryId,
  categories: CategoryId[],
  url: string,
  settle: () => Promise<void>,
): Promise<Consent> {
  await openPreferences(page, url);
  await preferencesSettled(page);
  await setCategory(page, category, false, url);
  const reloaded = page.waitForEvent('load', { timeout: 2000 }).catch(() => undefined);
  await click(page, `${PREFERENCES} [data-role="save"]`);
  await reloaded;
  await page.waitForLoadState('load');
  await settle();
  return { phase: 'withdrawn', accepted: categories.filter((id) => id !== category), withdrawn: category };
}
