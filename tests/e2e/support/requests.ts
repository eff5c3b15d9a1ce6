import { expect, type Page } from '@playwright/test';

/**
 * Catches mailto: navigations: the page hands composed messages to the mail
 * program by following a mailto: link, which a test browser has nowhere to send.
 */
export async function catchMailto(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const caught: string[] = [];
    Object.defineProperty(window, '__mailto', { value: caught });
    document.addEventListener(
      'click',
      (event) => {
        const link = (event.target as Element | null)?.closest?.('a[href^="mailto:"]');
        if (link) {
          event.preventDefault();
          caught.push((link as HTMLAnchorElement).href);
        }
      },
      true,
    );
  });
}

export const caughtMailto = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __mailto: string[] }).__mailto);

/** A mailto: URL read back the way a mail program reads it. */
export function readMailto(href: string): { to: string; subject: string; body: string } {
  const url = new URL(href);
  return {
    to: decodeURIComponent(url.pathname),
    subject: url.searchParams.get('subject') ?? '',
    body: (url.searchParams.get('body') ?? '').replaceAll('\r\n', '\n'),
  };
}

export const form = (page: Page) => page.locator('[data-request-form]');

export async function chooseType(page: Page, label: string): Promise<void> {
  await form(page).getByRole('radio', { name: label }).check();
}

export async function fill(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    await form(page).getByRole('textbox', { name, exact: true }).fill(value);
  }
}

export async function dismissBanner(page: Page): Promise<void> {
  await page.getByRole('dialog', { name: 'Vi använder cookies' }).getByRole('button', { name: 'Avvisa alla' }).click();
  await expect(page.getByRole('dialog', { name: 'Vi använder cookies' })).toBeHidden();
}

/** The message the page shows for copying, as a visitor would paste it. */
export async function shownMessage(page: Page): Promise<{ to: string; subject: string; body: string }> {
  const result = page.locator('[data-result]');
  return {
    to: (await result.locator('[data-out="to"]').textContent()) ?? '',
    subject: (await result.locator('[data-out="subject"]').textContent()) ?? '',
    body: (await result.locator('[data-out="body"]').textContent()) ?? '',
  };
}

export const REFERENCE = /TT-\d{8}-[2-9A-HJKMNP-Z]{4}/;
