import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { STANDINS } from '../../harness/ports';

/** The visitor's stored choice, as the consent cookie holds it. */
export async function storedConsent(
  context: BrowserContext,
): Promise<{ categories: string[]; revision: number; consentId: string; data?: Record<string, string> } | undefined> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'cc_cookie');
  return cookie ? JSON.parse(decodeURIComponent(cookie.value)) : undefined;
}

export async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((cookie) => cookie.name).sort();
}

export const banner = (page: Page) => page.getByRole('dialog', { name: 'Vi använder cookies' });
export const preferences = (page: Page) => page.getByRole('dialog', { name: 'Cookieinställningar' });

/** Opens the preferences the way a visitor does: the link in the footer. */
export async function openPreferences(page: Page): Promise<void> {
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookieinställningar' }).click();
  await expect(preferences(page)).toBeVisible();
}

/**
 * axe with the WCAG 2.x A and AA rules, 2.2 included. In axe's legacy frame mode: it runs in
 * the page itself instead of gathering its results in a blank page it opens for each check,
 * which halves its time. That mode skips cross-origin frames, and the site's pages have none.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  const otherFrames = page
    .frames()
    .filter((frame) => !['about:blank', ''].includes(frame.url()) && new URL(frame.url()).origin !== origin);
  expect(
    otherFrames.map((frame) => frame.url()),
    'a cross-origin frame, which axe in legacy mode skips',
  ).toEqual([]);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    .analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

/** Google's seven Consent Mode signals, every one denied: what Tag Manager hears unless the declaration grants one. */
export const ALL_SIGNALS_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'denied',
} as const;

/** The Consent Mode commands the page has pushed to the dataLayer, oldest first: ['consent', 'default' | 'update', state]. */
export function consentCommands(page: Page): Promise<unknown[][]> {
  return page.evaluate(() =>
    ((window as { dataLayer?: unknown[] }).dataLayer ?? [])
      .map((entry) => Array.from(entry as ArrayLike<unknown>))
      .filter((entry) => entry[0] === 'consent'),
  );
}

/** Whether the Tag Manager stand-in has run in the page, by the container id it was loaded with. */
export const tagManagerId = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => (window as { __gtmStandIn?: string }).__gtmStandIn);

/** Withdraws everything with Avvisa alla in the preferences, and waits for the reload that clears the tools. */
export async function rejectAllInPreferences(page: Page): Promise<void> {
  await openPreferences(page);
  const reloaded = page.waitForEvent('load');
  await preferences(page).getByRole('button', { name: 'Avvisa alla' }).click();
  await reloaded;
}

/** From the banner, agrees to Statistik alone in the preferences, and waits for Matomo to load. */
export async function chooseOnlyStatistics(page: Page): Promise<void> {
  await banner(page).getByRole('button', { name: 'Inställningar' }).click();
  const matomoLoaded = page.waitForRequest(`${STANDINS}/matomo/matomo.js`);
  await preferences(page).getByRole('checkbox', { name: 'Statistik' }).check({ force: true });
  await preferences(page).getByRole('button', { name: 'Spara mina val' }).click();
  await matomoLoaded;
}
