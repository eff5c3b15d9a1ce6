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

/** A personnummer from Skatteverket's test series (each day's födelsenummer 238 and 239), so that it is nobody's. */
export const TEST_PERSONNUMMER = '900101-2393';

/**
 * Chooses every request in turn and checks that the electronic way comes first
 * and is chosen: where a request can also be made by letter, the choice of
 * route shows `electronic` first, checked, and the letter second, and the
 * button composes or sends rather than prints. Returns the requests that offer
 * a letter, by their `?arende=` value.
 */
export async function expectElectronicFirst(page: Page, electronic: string, submit: string): Promise<string[]> {
  const withLetter: string[] = [];
  const types = form(page).getByRole('group', { name: 'Vad gäller din begäran?' }).getByRole('radio');
  await expect(types).toHaveCount(7);
  for (const type of await types.all()) {
    await type.check();
    await expect(form(page).getByRole('button', { name: submit })).toBeVisible();
    await expect(form(page).getByRole('textbox', { name: 'Personnummer' })).toBeHidden();
    const routes = form(page).getByRole('group', { name: 'Hur vill du skicka begäran?' });
    if (!(await routes.isVisible())) continue;
    const choices = routes.getByRole('radio');
    await expect(choices).toHaveCount(2);
    await expect(choices.first()).toHaveAccessibleName(electronic);
    await expect(choices.first()).toBeChecked();
    await expect(choices.nth(1)).toHaveAccessibleName(/^Med brev/);
    withLetter.push((await type.getAttribute('value')) ?? '');
  }
  return withLetter;
}
