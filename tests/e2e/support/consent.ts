import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';

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

/** axe with the WCAG 2.x A and AA rules, 2.2 included. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}
