import { expect } from '@playwright/test';
import { testOn } from '../support/site';

const test = testOn('published');

test('the home page says who Tech Troopers is and leads to the policies, the changelog and contact', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Tech Troopers AB');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tech Troopers AB');
  await expect(
    page.getByText('teknik och IT-tjänster som inte äventyrar våra kunders och besökares integritet'),
  ).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Integritetspolicy', exact: true })).toHaveAttribute(
    'href',
    '/integritetspolicy/',
  );
  await expect(main.getByRole('link', { name: 'Cookiepolicy', exact: true })).toHaveAttribute('href', '/cookiepolicy/');
  await expect(main.getByRole('link', { name: 'Alla ändringar' })).toHaveAttribute('href', '/andringar/');
  await expect(main.getByRole('link', { name: /Kontakta oss/ })).toHaveAttribute('href', '/kontakt/');
  await expect(main.getByText('Tech Troopers AB, org.nr 556971-4966')).toBeVisible();
  await expect(main.getByRole('link', { name: 'hello@techtroopers.com' })).toHaveAttribute(
    'href',
    'mailto:hello@techtroopers.com',
  );
  await expect(main.getByRole('link', { name: '+46 (0)10 151 10 00' })).toHaveAttribute('href', 'tel:+46101511000');
});

test('the footer carries the company facts on every page', async ({ page }) => {
  for (const path of ['/', '/integritetspolicy/', '/andringar/', '/kontakt/', '/finns-inte/']) {
    await page.goto(path);
    const footer = page.getByRole('contentinfo');
    await expect(footer).toContainText('Tech Troopers AB');
    await expect(footer).toContainText('Org.nr 556971-4966');
    await expect(footer).toContainText('Kungsgatan 3');
    await expect(footer).toContainText('111 43 Stockholm');
    await expect(footer).toContainText('+46 (0)10 151 10 00');
    await expect(footer).toContainText('hello@techtroopers.com');
  }
});

test('the policy pages work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/integritetspolicy/');
  await expect(page.getByRole('heading', { level: 1, name: 'Integritetspolicy' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Innehåll' }).getByRole('link', { name: 'Övrigt' }).click();
  await expect(page).toHaveURL(/#övrigt$|#%C3%B6vrigt$/);
  await context.close();
});
