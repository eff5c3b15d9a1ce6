import { expect } from '@playwright/test';
import { expectNoAxeViolations } from '../support/consent';
import { dismissBanner, form } from '../support/requests';
import { testOn } from '../support/site';

const test = testOn('upcoming-version');

// Built for 2027-03-01: the privacy policy in force is the fixture's version 2 (2027-01-15),
// which has a processing register and names a data protection officer; version 3
// (2027-06-01, upcoming) changes it; version 1 has none.

const register = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Så behandlar vi dina personuppgifter' });
const purpose = (page: import('@playwright/test').Page, name: string) =>
  register(page).getByRole('region', { name, exact: true });

test('a version with a register says, for each purpose, the data, legal basis, retention, recipients and transfers', async ({
  page,
}) => {
  await page.goto('/integritetspolicy/');
  await dismissBanner(page);
  await expect(register(page)).toContainText(
    'Personuppgiftsansvarig är Tech Troopers AB, org.nr 556971-4966, Kungsgatan 3, 111 43 Stockholm.',
  );
  await expect(register(page)).toContainText(
    'Vårt dataskyddsombud är Dataskyddsombudet på Tech Troopers, dataskydd@techtroopers.com.',
  );
  await expect(register(page).getByRole('heading', { level: 3 })).toHaveText([
    'Leverera tjänster till kunder',
    'Kreditprövning',
    'Hantera begäranden om personuppgifter',
  ]);

  const delivery = purpose(page, 'Leverera tjänster till kunder');
  const row = (term: string) => delivery.locator(`dt:text-is("${term}") + dd`);
  await expect(row('Personuppgifter')).toHaveText('namn, personnummer, fakturaadress');
  await expect(row('Rättslig grund')).toHaveText(
    'Avtal (artikel 6.1 b i dataskyddsförordningen). Behandlingen behövs för att fullgöra ett avtal med dig, eller för att ingå ett.',
  );
  await expect(row('Lagringstid')).toHaveText('Så länge avtalet gäller och två år därefter.');
  await expect(row('Mottagare')).toHaveText(
    'Molnleverantören Exempel AB: personuppgiftsbiträde, som behandlar uppgifterna för vår räkning',
  );
  const transfer = row('Överföring utanför EU/EES');
  await expect(transfer.locator('li')).toHaveText([
    'USA (Exempel Inc.), med stöd av EU-kommissionens standardavtalsklausuler (artikel 46.2 c)',
  ]);
  // Art. 13(1)(f): how to get a copy of the safeguard.
  await expect(transfer.getByRole('paragraph')).toHaveText(
    'En kopia av standardavtalsklausulerna får du om du skriver till hello@techtroopers.com.',
  );
  await expect(transfer.getByRole('link', { name: 'hello@techtroopers.com' })).toHaveAttribute(
    'href',
    'mailto:hello@techtroopers.com',
  );
  await expect(row('Måste du lämna uppgifterna?')).toHaveText('Ja. Utan uppgifterna kan vi inte ingå avtalet.');

  const credit = purpose(page, 'Kreditprövning');
  await expect(credit).toContainText(
    'Berättigat intresse (artikel 6.1 f i dataskyddsförordningen). Vårt berättigade intresse: att inte ge kredit till den som inte kan betala.',
  );
  await expect(credit).toContainText('Varifrån uppgifterna kommerKreditupplysningsföretaget Exempel AB.');
  await expect(credit).toContainText('Automatiserade beslutAnsökan beviljas automatiskt');
  await expect(credit).toContainText('Kreditupplysningsföretaget Exempel AB: självständigt personuppgiftsansvarig');
  // With an automated decision declared, the page does not claim there are none.
  await expect(register(page)).not.toContainText('Vi fattar inga beslut om dig som enbart grundas på automatiserad');

  const requests = purpose(page, 'Hantera begäranden om personuppgifter');
  await expect(requests).toContainText(
    'Rättslig förpliktelse (artikel 6.1 c i dataskyddsförordningen). Skyldigheten följer av artiklarna 12–22 i dataskyddsförordningen.',
  );
  await expect(requests).toContainText('MottagareIngen utanför Tech Troopers.');
  await expect(requests).toContainText('Överföring utanför EU/EESNej, uppgifterna stannar inom EU/EES.');

  const contents = page.getByRole('navigation', { name: 'Innehåll' });
  await expect(contents.getByRole('link', { name: 'Så behandlar vi dina personuppgifter' })).toHaveAttribute(
    'href',
    '#behandlingar',
  );
  await expect(contents.getByRole('link', { name: 'Dina rättigheter' })).toHaveAttribute('href', '#rattigheter');
});

test('"Dina rättigheter" gives every right one sentence, a request where it is one, and the rights to object apart', async ({
  page,
}) => {
  await page.goto('/integritetspolicy/');
  await dismissBanner(page);
  const rights = page.getByRole('region', { name: 'Dina rättigheter' });
  await expect(rights.getByRole('heading', { level: 3 })).toHaveText([
    'Rätt till tillgång (registerutdrag)',
    'Rätt till rättelse',
    'Rätt till radering',
    'Rätt till begränsning av behandling',
    'Rätt till dataportabilitet',
    'Rätt att invända',
    'Rätt att invända mot direktmarknadsföring',
    'Rätt att återkalla samtycke',
    'Rätt att klaga hos Integritetsskyddsmyndigheten',
  ]);
  const objections = rights.getByRole('note', { name: 'Din rätt att invända' });
  await expect(objections.getByRole('heading')).toHaveText([
    'Rätt att invända',
    'Rätt att invända mot direktmarknadsföring',
  ]);
  for (const [name, type] of [
    ['Begär registerutdrag', 'registerutdrag'],
    ['Begär rättelse av personuppgifter', 'rattelse'],
    ['Begär radering av personuppgifter', 'radering'],
    ['Begär begränsning av behandling', 'begransning'],
    ['Begär dataportabilitet', 'dataportabilitet'],
    ['Begär invändning mot behandling', 'invandning'],
    ['Begär spärr mot direktmarknadsföring', 'sparr'],
  ]) {
    await expect(rights.getByRole('link', { name: name!, exact: true })).toHaveAttribute(
      'href',
      `/kontakt/?arende=${type}#begaran`,
    );
  }
  await expect(rights.getByRole('link', { name: 'Så lämnar du klagomål hos IMY (imy.se)' })).toHaveAttribute(
    'href',
    'https://www.imy.se/privatperson/',
  );
  await rights.getByRole('link', { name: 'Cookieinställningar' }).click();
  await expect(page.getByRole('dialog', { name: 'Cookieinställningar' })).toBeVisible();
  await page.keyboard.press('Escape');

  await rights.getByRole('link', { name: 'Begär radering av personuppgifter' }).click();
  await expect(form(page).getByRole('radio', { name: 'Radering av personuppgifter' })).toBeChecked();
});

test('the register and the rights pass axe, fit a 375 px screen and print', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/integritetspolicy/');
  await dismissBanner(page);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // On a narrow screen each term stands above its description.
  const terms = register(page).locator('[data-purpose]').first().locator('dt');
  const [term, description] = [await terms.first().boundingBox(), await terms.first().locator('+ dd').boundingBox()];
  expect(description!.y).toBeGreaterThan(term!.y);
  await page.emulateMedia({ media: 'print' });
  await expect(register(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Dina rättigheter' })).toBeVisible();
});

test('a version without a register publishes as it is', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2026-11-24/');
  await expect(page.getByRole('heading', { name: 'Personvern' })).toBeVisible();
  await expect(register(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Dina rättigheter' })).toHaveCount(0);
});

test('the changes page lists the purposes added, removed and changed', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2027-06-01/andringar/');
  const changes = page.getByRole('region', { name: 'Ändrade behandlingar' });
  await expect(changes.getByRole('listitem')).toHaveText([
    'Nytt ändamål: Besöksstatistik',
    'Ändrat ändamål: Kreditprövning. Det som ändrats: lagringstid.',
  ]);
  await page.goto('/integritetspolicy/versioner/2027-01-15/andringar/');
  await expect(page.getByRole('region', { name: 'Ändrade behandlingar' }).getByRole('listitem')).toHaveText([
    'Nytt ändamål: Leverera tjänster till kunder',
    'Nytt ändamål: Kreditprövning',
    'Nytt ändamål: Hantera begäranden om personuppgifter',
  ]);
  // Cookie policy versions have no register.
  await page.goto('/cookiepolicy/versioner/2027-02-15/andringar/');
  await expect(page.getByRole('region', { name: 'Ändrade behandlingar' })).toHaveCount(0);
});
