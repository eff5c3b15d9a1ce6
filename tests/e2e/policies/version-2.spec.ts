import { expect } from '@playwright/test';
import { FILLED_PLACEHOLDER } from '../../harness/contentSets.ts';
import { dismissBanner, expectElectronicFirst, fill, form } from '../support/requests';
import { testOn } from '../support/site';

const test = testOn('v2-filled');

// The real content with its version 2 drafts published (`draft: false`) and their
// placeholders filled, built for their date with Matomo, Tag Manager, the consent
// log and the request endpoint configured: the build passing is the register
// covering every tool and channel.

test('every configured tool and channel is in the build, and the register covers each', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  await expect(page.getByTestId('version-label')).toHaveText('2');
  const setup = JSON.parse((await page.locator('#consent-setup').textContent())!);
  expect(Object.keys(setup.tools).sort()).toEqual(['gtm', 'matomo']);
  expect(setup.consentLogUrl).toMatch(/^http/);
  await page.goto('/kontakt/');
  expect(JSON.parse((await page.locator('#request-setup').textContent())!).endpoint).toMatch(/\/begaran$/);

  await page.goto('/integritetspolicy/');
  const register = page.getByRole('region', { name: 'Så behandlar vi dina personuppgifter' });
  for (const purpose of [
    'Besöksstatistik på webbplatsen',
    'Mäta och rikta annonser',
    'Kunna visa vad du har samtyckt till',
    'Hantera din begäran om dina personuppgifter',
  ]) {
    await expect(register.getByRole('heading', { name: purpose, exact: true })).toBeVisible();
  }
  await expect(register.getByRole('region', { name: 'Mäta och rikta annonser' })).toContainText(
    'USA (Google LLC), med stöd av EU–US Data Privacy Framework',
  );
  await expect(register.getByRole('region', { name: 'Fakturera och bokföra' })).toContainText(
    'Skyldigheten följer av bokföringslagen (1999:1078).',
  );
  // What the company is to supply is there, where the placeholders were.
  await expect(register).toContainText(FILLED_PLACEHOLDER);
  await expect(page.getByRole('main')).not.toContainText('FYLL I');
});

test('the drafts cite current law and none of what version 1 got wrong', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  const privacy = page.getByRole('article');
  await expect(privacy).toContainText('dataskyddsförordning (EU) 2016/679');
  await expect(privacy).toContainText('lagen (2018:218) med kompletterande bestämmelser');
  for (const outdated of ['personuppgiftslagen', 'PuL', 'Personvern', 'en gång per kalenderår', 'egenhändigt']) {
    await expect(privacy).not.toContainText(outdated);
  }
  await page.goto('/cookiepolicy/');
  const cookies = page.getByRole('article');
  await expect(cookies).toContainText('9 kap. 28 § lagen (2022:482) om elektronisk kommunikation');
  await expect(cookies).not.toContainText('Vi sparar ingen personlig information via cookies');
  await expect(cookies).not.toContainText('1 juli 2011');
  // Statistics and marketing are described apart, and the preferences come before the browser's settings.
  const text = (await cookies.innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('Statistik. Om du godkänner statistik');
  expect(text).toContain('Marknadsföring. Om du godkänner marknadsföring');
  expect(text.indexOf('under Cookieinställningar')).toBeLessThan(text.indexOf('Webbläsarens inställningar.'));
});

test('the register gives each recipient its role, the legal basis a lawyer would, and how to get a copy of the clauses', async ({
  page,
}) => {
  await page.goto('/integritetspolicy/');
  const register = page.getByRole('region', { name: 'Så behandlar vi dina personuppgifter' });
  const entry = (purpose: string) => register.getByRole('region', { name: purpose, exact: true });

  // The auditor decides for itself: an independent controller, not a processor.
  await expect(entry('Fakturera och bokföra').getByRole('listitem')).toContainText([
    `${FILLED_PLACEHOLDER}: personuppgiftsbiträde, som behandlar uppgifterna för vår räkning`,
    `Vår revisor, ${FILLED_PLACEHOLDER}: självständigt personuppgiftsansvarig`,
  ]);
  // Google and the company are joint controllers for what the tags collect and send (C-40/17), with the
  // essence of the arrangement (art. 26(2)); standard contractual clauses are the fallback, with a copy on request.
  const ads = entry('Mäta och rikta annonser');
  await expect(ads).toContainText(
    `för det som Googles taggar på webbplatsen samlar in och skickar till Google: gemensamt personuppgiftsansvarig med oss (artikel 26). Det väsentliga i arrangemanget mellan oss: ${FILLED_PLACEHOLDER}`,
  );
  await expect(ads).toContainText(
    'skulle det upphöra att gälla, med stöd av EU-kommissionens standardavtalsklausuler (artikel 46.2 c)',
  );
  await expect(ads.getByRole('link', { name: 'hello@techtroopers.com' })).toHaveAttribute(
    'href',
    'mailto:hello@techtroopers.com',
  );
  await expect(ads).toContainText(
    'En kopia av standardavtalsklausulerna får du om du skriver till hello@techtroopers.com.',
  );

  // Being able to show consent is a burden of proof, not a legal obligation: the log rests on art. 6(1)(f).
  const log = entry('Kunna visa vad du har samtyckt till');
  await expect(log).toContainText('Berättigat intresse (artikel 6.1 f i dataskyddsförordningen).');
  await expect(log).toContainText('artikel 7.1');
  await expect(log).toContainText('också när du har avvisat dem');
  await expect(log).not.toContainText('Rättslig förpliktelse');

  // Legitimate interest only for the company's own similar services to customers; other marketing on consent.
  await expect(entry('Direktmarknadsföring av våra egna tjänster till kunder')).toContainText(
    '19 § andra stycket marknadsföringslagen (2008:486)',
  );
  await expect(entry('Annan direktmarknadsföring, med ditt samtycke')).toContainText('Samtycke (artikel 6.1 a');
  await expect(page.getByRole('article')).not.toContainText('företag som vi samarbetar med');

  // The credit check: the legitimate need, and the automated decision with the art. 22(3) rights once the company says it is one.
  const credit = entry('Kreditprövning innan vi ingår avtal');
  await expect(credit).toContainText(
    'legitimt behov av en kreditupplysning som 9 § kreditupplysningslagen (1973:1173)',
  );
  await expect(credit).toContainText('artikel 22.3 i dataskyddsförordningen');
  await expect(page.getByRole('article')).toContainText('3 kap. 10 § dataskyddslagen');
});

test('the cookie policy says where the consent log keeps each choice and what Global Privacy Control does', async ({
  page,
}) => {
  await page.goto('/cookiepolicy/');
  const cookies = page.getByRole('article');
  await expect(cookies).toContainText('också när du avvisar, sparar vi valet i vår samtyckeslogg');
  await expect(cookies).toContainText(
    'Om din webbläsare skickar signalen Global Privacy Control (GPC) tar vi den som ett nej till marknadsföring',
  );
  // Where Matomo runs and what the container sets are the company's to say, not ours to claim.
  await expect(cookies).toContainText(`Matomo körs ${FILLED_PLACEHOLDER}.`);
  await expect(cookies).not.toContainText('som vi själva driver');
  await expect(cookies).not.toContainText('Google sätter då en cookie');
});

test('the changes pages against version 1 show the text, the register and the cookies', async ({ page }) => {
  await page.goto('/integritetspolicy/versioner/2027-01-01/andringar/');
  await expect(page.getByTestId('legend')).toContainText(
    'version 2 (gäller från 1 januari 2027) jämförd med version 1',
  );
  await expect(page.locator('.diff del').filter({ hasText: 'personuppgiftslagen' })).not.toHaveCount(0);
  const register = page.getByRole('region', { name: 'Ändrade behandlingar' }).getByRole('listitem');
  await expect(register).toHaveCount(14);
  await expect(register.first()).toHaveText(
    'Nytt ändamål: Leverera de tjänster du köper av oss och administrera ditt kundförhållande',
  );

  await page.goto('/cookiepolicy/versioner/2027-01-01/andringar/');
  // The same cookies; every category describes its purpose anew, and marketing declares its Google signals.
  await expect(page.getByRole('region', { name: 'Ändrade cookies' }).getByRole('listitem')).toHaveText([
    'Ändrad kategori: Nödvändiga, ny beskrivning av vad cookierna används till',
    'Ändrad kategori: Statistik, ny beskrivning av vad cookierna används till',
    'Ändrad kategori: Marknadsföring, ny beskrivning av vad cookierna används till, nya samtyckessignaler till Google',
  ]);
  await expect(page.locator('.diff ins').filter({ hasText: '(2022:482)' })).not.toHaveCount(0);
});

test('the contact page offers the form first for every request, and a letter to the version’s own address after it', async ({
  page,
}) => {
  await page.goto('/kontakt/');
  await dismissBanner(page);
  expect(await expectElectronicFirst(page, 'Via formuläret här', 'Skicka begäran')).toEqual(['registerutdrag']);

  await page.goto('/kontakt/?arende=registerutdrag');
  await form(page)
    .getByRole('radio', { name: /^Med brev/ })
    .check();
  const personnummer = form(page).getByRole('textbox', { name: 'Personnummer (valfritt)', exact: true });
  await expect(personnummer).toHaveAccessibleDescription(
    /identifiera dig säkert, också om flera personer har samma namn/,
  );
  await fill(page, { Namn: 'Dan Ek', Gatuadress: 'Storgatan 1', Postnummer: '111 22', Ort: 'Stockholm' });
  await form(page).getByRole('button', { name: 'Skapa brev att skriva ut' }).click();
  const letter = page.getByRole('article', { name: 'Begäran om registerutdrag' });
  // The draft's `letterAddress`, its attention line filled in, and no personnummer where none was given.
  const address = ['Tech Troopers AB', FILLED_PLACEHOLDER, 'Kungsgatan 3', '111 43 Stockholm'];
  expect(await letter.locator('[data-out="recipient"]').innerText()).toBe(address.join('\n'));
  await expect(letter).not.toContainText('Personnummer');
  // It is the address the policy in force gives for letters.
  await page.goto('/integritetspolicy/');
  await expect(page.getByRole('article')).toContainText(address.join(', '));
});
