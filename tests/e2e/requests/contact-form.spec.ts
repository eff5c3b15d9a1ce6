import { expect } from '@playwright/test';
import { STANDINS } from '../../harness/ports';
import { expectNoAxeViolations } from '../support/consent';
import { slowDown } from '../support/helpers';
import {
  catchMailto,
  caughtMailto,
  chooseType,
  dismissBanner,
  fill,
  form,
  readMailto,
  expectElectronicFirst,
  REFERENCE,
  shownMessage,
  TEST_PERSONNUMMER,
} from '../support/requests';
import { testOn } from '../support/site';

const test = testOn('published');

// The real content, no PUBLIC_CONTACT_ENDPOINT: messages are composed for the visitor's mail program.

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await catchMailto(page);
});

test('Spärr mot direktmarknadsföring composes the right e-mail, and the copy fallback holds the same text', async ({
  page,
}) => {
  await page.goto('/kontakt/');
  await dismissBanner(page);
  await chooseType(page, 'Spärr mot direktmarknadsföring');
  await fill(page, {
    Namn: 'Anna Andersson',
    'E-post': 'anna@example.se',
    'Telefon (valfritt)': '070-123 45 67',
    'Kundnummer (valfritt)': 'K-1234',
  });
  await form(page).getByRole('checkbox', { name: 'Telefon', exact: true }).uncheck();
  await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();

  const [href] = await caughtMailto(page);
  const mail = readMailto(href!);
  expect(mail.to).toBe('hello@techtroopers.com');
  expect(mail.subject).toMatch(new RegExp(`^Spärr mot direktmarknadsföring – Anna Andersson – ${REFERENCE.source}$`));
  for (const line of [
    'Namn: Anna Andersson',
    'E-post: anna@example.se',
    'Telefon: 070-123 45 67',
    'Kundnummer: K-1234',
    'Spärren gäller: e-post, sms, post, profilering för marknadsföring',
  ]) {
    expect(mail.body).toContain(line);
  }
  expect(mail.body).toContain('enligt er integritetspolicy (version 1, gällande från 24 november 2026)');
  expect(mail.body).toContain('också profilering som hör ihop med sådan marknadsföring');
  expect(mail.body).toContain('och artikel 21.2–21.3 i dataskyddsförordningen (GDPR).');
  const reference = REFERENCE.exec(mail.subject)![0];
  expect(mail.body).toContain(`Referens: ${reference}`);

  expect(await shownMessage(page)).toEqual(mail);
  await page.getByRole('button', { name: 'Kopiera', exact: true }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(mail.body);
  await page.getByRole('button', { name: 'Kopiera adressen' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('hello@techtroopers.com');

  const receipt = page.getByRole('region', { name: 'Vad händer nu?' });
  await expect(receipt).toContainText(`Din referens är ${reference}.`);
  await expect(receipt).toContainText('senast inom en månad');
  await expect(receipt).toContainText('artikel 12.3');
  await expect(receipt.getByRole('link', { name: 'Integritetsskyddsmyndigheten (IMY)' })).toHaveAttribute(
    'href',
    /imy\.se/,
  );
});

test('Rättelse av personuppgifter puts what is wrong and what it should say in the e-mail', async ({ page }) => {
  await page.goto('/kontakt/?arende=rattelse');
  await dismissBanner(page);
  await expect(form(page).getByRole('radio', { name: 'Rättelse av personuppgifter' })).toBeChecked();
  await expect(form(page).getByRole('textbox', { name: 'Personnummer' })).toBeHidden();
  await fill(page, {
    Namn: 'Bo Ek',
    'E-post': 'bo@example.se',
    'Vad är fel?': 'Min adress är gammal:\nGamla vägen 2',
    'Vad ska det stå?': 'Nya vägen 3\n123 45 Ort',
  });
  await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
  const mail = readMailto((await caughtMailto(page))[0]!);
  expect(mail.to).toBe('hello@techtroopers.com');
  expect(mail.subject).toMatch(/^Rättelse av personuppgifter – Bo Ek – TT-/);
  expect(mail.body).toContain(
    'Det här är fel:\nMin adress är gammal:\nGamla vägen 2\n\nSå här ska det vara:\nNya vägen 3\n123 45 Ort',
  );
  expect(await shownMessage(page)).toEqual(mail);
});

test('Registerutdrag makes a letter to print with the company’s postal address, and the personnummer goes nowhere else', async ({
  page,
  context,
}) => {
  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
  await page.goto('/kontakt/?arende=registerutdrag');
  await dismissBanner(page);
  // The policy in force asks for a signed letter: it stays on offer, after e-mail, which comes first.
  await expect(form(page).getByRole('radio', { name: 'Med e-post' })).toBeChecked();
  await form(page)
    .getByRole('radio', { name: /^Med brev/ })
    .check();
  const personnummer = form(page).getByRole('textbox', { name: 'Personnummer (valfritt)', exact: true });
  await expect(personnummer).toHaveAccessibleDescription(
    /identifiera dig säkert, också om flera personer har samma namn/,
  );
  await expect(personnummer).not.toHaveAttribute('aria-required');
  await fill(page, {
    Namn: 'Cecilia Holm',
    'Personnummer (valfritt)': TEST_PERSONNUMMER,
    Gatuadress: 'Storgatan 1',
    Postnummer: '111 22',
    Ort: 'Stockholm',
  });
  await form(page).getByRole('button', { name: 'Skapa brev att skriva ut' }).click();

  const letter = page.getByRole('article', { name: 'Begäran om registerutdrag' });
  await expect(letter).toBeVisible();
  // Version 1 names no address for letters: the company's, with no "PuL" line; the heading says what the letter is.
  expect(await letter.locator('[data-out="recipient"]').innerText()).toBe(
    'Tech Troopers AB\nKungsgatan 3\n111 43 Stockholm',
  );
  await expect(letter).toContainText('Cecilia Holm');
  await expect(letter).toContainText('19900101-2393');
  // What article 15 gives: confirmation, a copy, and the information in 15.1 and 15.2.
  await expect(letter).toContainText('en bekräftelse på om ni behandlar personuppgifter om mig');
  await expect(letter).toContainText('en kopia av de personuppgifter ni behandlar');
  await expect(letter.getByRole('listitem')).toHaveCount(9);
  await expect(letter.getByRole('listitem').first()).toHaveText('ändamålen med behandlingen');
  await expect(letter).toContainText('Storgatan 1, 111 22 Stockholm');
  await expect(letter).toContainText('Begäran om registerutdrag');
  await expect(letter).toContainText('er integritetspolicy (version 1, gällande från 24 november 2026)');
  await expect(letter).toContainText('Underskrift');
  await expect(letter).toContainText('Ort och datum');
  await expect(letter).toContainText('Namnförtydligande: Cecilia Holm');
  expect(await caughtMailto(page)).toEqual([]);

  // Printing shows the letter alone, on A4.
  await page.emulateMedia({ media: 'print' });
  // The print media rules apply once the page has restyled: poll rather than read once.
  await expect.poll(() => page.locator('#uppgifter').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
  await expect.poll(() => letter.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
  await page.emulateMedia({ media: 'screen' });

  // The receipt counts the month from the day the letter arrives.
  await expect(page.getByRole('region', { name: 'Vad händer nu?' })).toContainText(
    'räknat från den dag brevet kommer fram. Kommer det fram i dag är sista dagen',
  );

  // By e-mail, an extract asks for the name and e-mail address only, and leaves the personnummer out.
  await form(page).getByRole('radio', { name: 'Med e-post' }).check();
  await expect(form(page).getByRole('textbox', { name: 'Personnummer' })).toBeHidden();
  await expect(form(page).getByRole('group', { name: 'Din folkbokföringsadress' })).toBeHidden();
  await fill(page, { 'E-post': 'cecilia@example.se' });
  await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
  const mail = readMailto((await caughtMailto(page))[0]!);
  expect(mail.subject).toMatch(/^Registerutdrag – Cecilia Holm – TT-/);
  expect(mail.body).toContain('Namn: Cecilia Holm\nE-post: cecilia@example.se');
  expect(mail.body).not.toContain('Storgatan');
  expect(mail.body).toContain('Jag skickar inte mitt personnummer via e-post.');

  expect(mail.body).toContain('- ändamålen med behandlingen');

  for (const text of [mail.to, mail.subject, mail.body, ...sent]) {
    expect(text).not.toMatch(/900101|2393/);
  }
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['cc_cookie']);
  expect((await context.cookies())[0]!.value).not.toMatch(/900101|2393/);
});

test('a letter needs no personnummer', async ({ page }) => {
  await page.goto('/kontakt/?arende=registerutdrag');
  await dismissBanner(page);
  await form(page)
    .getByRole('radio', { name: /^Med brev/ })
    .check();
  await fill(page, { Namn: 'Dan Ek', Gatuadress: 'Storgatan 1', Postnummer: '111 22', Ort: 'Stockholm' });
  await form(page).getByRole('button', { name: 'Skapa brev att skriva ut' }).click();
  const letter = page.getByRole('article', { name: 'Begäran om registerutdrag' });
  await expect(letter).toBeVisible();
  await expect(letter.locator('[data-out="details"]')).toHaveText(
    'NamnDan EkFolkbokföringsadressStorgatan 1, 111 22 Stockholm',
  );
  await expect(letter).not.toContainText('Personnummer');
});

test('every request offers e-mail first, and says a letter is possible where one is offered', async ({ page }) => {
  await page.goto('/kontakt/');
  await dismissBanner(page);
  expect(await expectElectronicFirst(page, 'Med e-post', 'Skapa e-postmeddelande')).toEqual(['registerutdrag']);
  await expect(form(page).getByRole('radio', { name: 'Registerutdrag' })).toHaveAccessibleDescription(
    /Det räcker att skicka begäran med e-post; vill du hellre skicka ett brev går det också\.$/,
  );
  await expect(page.getByRole('main')).not.toContainText('ber om ett brev');
});

test.describe('bad input shows its error beside the field and composes nothing', () => {
  const cases: [string, string, Record<string, string>, string, string][] = [
    ['a missing name', 'Spärr mot direktmarknadsföring', { 'E-post': 'a@example.se' }, 'Namn', 'Fyll i ditt namn.'],
    [
      'a malformed e-mail address',
      'Spärr mot direktmarknadsföring',
      { Namn: 'A', 'E-post': 'anna@example' },
      'E-post',
      'Skriv en giltig e-postadress, till exempel namn@exempel.se.',
    ],
    [
      'an e-mail address with a space',
      'Rättelse av personuppgifter',
      { Namn: 'A', 'E-post': 'an na@example.se', 'Vad är fel?': 'x', 'Vad ska det stå?': 'y' },
      'E-post',
      'Skriv en giltig e-postadress',
    ],
    [
      'a name that is too long',
      'Spärr mot direktmarknadsföring',
      { Namn: 'A'.repeat(101), 'E-post': 'a@example.se' },
      'Namn',
      'Skriv högst 100 tecken (nu 101).',
    ],
    [
      'a phone number with letters',
      'Spärr mot direktmarknadsföring',
      { Namn: 'A', 'E-post': 'a@example.se', 'Telefon (valfritt)': 'ring mig' },
      'Telefon (valfritt)',
      'Skriv telefonnumret med siffror',
    ],
    [
      'a missing correction',
      'Rättelse av personuppgifter',
      { Namn: 'A', 'E-post': 'a@example.se', 'Vad är fel?': 'x' },
      'Vad ska det stå?',
      'Skriv vad det ska stå i stället.',
    ],
    [
      'a personnummer with a wrong check digit',
      'Registerutdrag',
      { Namn: 'A', 'Personnummer (valfritt)': '900101-2394', Gatuadress: 'G 1', Postnummer: '11122', Ort: 'O' },
      'Personnummer (valfritt)',
      'Kontrollsiffran stämmer inte.',
    ],
    [
      'a personnummer with an impossible date',
      'Registerutdrag',
      { Namn: 'A', 'Personnummer (valfritt)': '901332-2393', Gatuadress: 'G 1', Postnummer: '11122', Ort: 'O' },
      'Personnummer (valfritt)',
      'Personnumret innehåller inget giltigt datum.',
    ],
    [
      'a personnummer of the wrong length',
      'Registerutdrag',
      { Namn: 'A', 'Personnummer (valfritt)': '90010-2393', Gatuadress: 'G 1', Postnummer: '11122', Ort: 'O' },
      'Personnummer (valfritt)',
      'Skriv personnumret med 10 eller 12 siffror',
    ],
    [
      'a samordningsnummer with a wrong check digit',
      'Registerutdrag',
      { Namn: 'A', 'Personnummer (valfritt)': '701063-2392', Gatuadress: 'G 1', Postnummer: '11122', Ort: 'O' },
      'Personnummer (valfritt)',
      'Kontrollsiffran stämmer inte.',
    ],
    [
      'a malformed postal code',
      'Registerutdrag',
      { Namn: 'A', 'Personnummer (valfritt)': '701063-2391', Gatuadress: 'G 1', Postnummer: '1112', Ort: 'O' },
      'Postnummer',
      'Skriv postnumret med fem siffror',
    ],
  ];

  for (const [what, type, fields, field, message] of cases) {
    test(what, async ({ page }) => {
      await page.goto('/kontakt/');
      await dismissBanner(page);
      await chooseType(page, type);
      if (type === 'Registerutdrag')
        await form(page)
          .getByRole('radio', { name: /^Med brev/ })
          .check();
      await fill(page, fields);
      const submit = type === 'Registerutdrag' ? 'Skapa brev att skriva ut' : 'Skapa e-postmeddelande';
      await form(page).getByRole('button', { name: submit }).click();
      const input = form(page).getByRole('textbox', { name: field, exact: true });
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await expect(input).toBeFocused();
      await expect(form(page).getByText('Kontrollera det du fyllt i:')).toBeVisible();
      expect(await caughtMailto(page)).toEqual([]);
      await expect(page.locator('[data-result]')).toBeHidden();
      await expect(page.locator('[data-letter-wrap]')).toBeHidden();
    });
  }

  test('no channel chosen for an opt-out', async ({ page }) => {
    await page.goto('/kontakt/?arende=sparr');
    await dismissBanner(page);
    await fill(page, { Namn: 'A', 'E-post': 'a@example.se' });
    for (const channel of ['E-post', 'Telefon', 'Sms', 'Post', 'Profilering för marknadsföring'])
      await form(page).getByRole('checkbox', { name: channel, exact: true }).uncheck();
    await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
    await expect(form(page).getByRole('group', { name: 'Spärren gäller' })).toHaveAccessibleDescription(
      'Välj vad spärren ska gälla.',
    );
    await expect(form(page).getByRole('checkbox', { name: 'E-post' })).toBeFocused();
    expect(await caughtMailto(page)).toEqual([]);
  });

  test('a valid samordningsnummer is accepted', async ({ page }) => {
    await page.goto('/kontakt/?arende=registerutdrag');
    await dismissBanner(page);
    await form(page)
      .getByRole('radio', { name: /^Med brev/ })
      .check();
    await fill(page, {
      Namn: 'D',
      'Personnummer (valfritt)': '701063-2391',
      Gatuadress: 'G 1',
      Postnummer: '111 22',
      Ort: 'O',
    });
    await form(page).getByRole('button', { name: 'Skapa brev att skriva ut' }).click();
    await expect(page.getByRole('article', { name: 'Begäran om registerutdrag' })).toContainText('19701063-2391');
  });

  test('fixing the errors and trying again composes the message, with nothing lost', async ({ page }) => {
    await page.goto('/kontakt/?arende=sparr');
    await dismissBanner(page);
    await fill(page, { Namn: 'Anna', 'E-post': 'fel' });
    await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
    await expect(form(page).getByRole('textbox', { name: 'Namn' })).toHaveValue('Anna');
    await fill(page, { 'E-post': 'anna@example.se' });
    await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
    await expect(form(page).getByRole('textbox', { name: 'E-post' })).not.toHaveAttribute('aria-invalid');
    expect(await caughtMailto(page)).toHaveLength(1);
  });
});

test('nothing the visitor types can break the message or the page', async ({ page }) => {
  await page.goto('/kontakt/?arende=rattelse');
  await dismissBanner(page);
  const name = 'Eva <img src=x onerror="window.__hacked=1"> %0D%0ABcc: x@evil.example';
  await fill(page, {
    Namn: name,
    'E-post': 'eva@example.se',
    'Vad är fel?': 'Allt &body=nej&cc=x@evil.example',
    'Vad ska det stå?': '<script>window.__hacked=2</script>',
  });
  await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
  const href = (await caughtMailto(page))[0]!;
  const url = new URL(href);
  expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
  const mail = readMailto(href);
  expect(mail.to).toBe('hello@techtroopers.com');
  expect(mail.subject).not.toMatch(/[\r\n]/);
  expect(mail.subject).toContain(name);
  expect(mail.body).toContain('Allt &body=nej&cc=x@evil.example');
  expect(mail.body).toContain('<script>window.__hacked=2</script>');
  await expect(page.locator('[data-result] img, [data-result] script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();
});

test('the privacy policy offers the requests beside the paragraphs they concern', async ({ page }) => {
  await page.goto('/integritetspolicy/');
  const paragraph = (start: string) => page.locator('.prose p', { hasText: start });
  const actionsAfter = (start: string) => paragraph(start).locator('xpath=following-sibling::*[1]').getByRole('link');
  await expect(actionsAfter('"Spärr" mot marknadsföring.')).toHaveText(['Begär spärr mot direktmarknadsföring →']);
  await expect(actionsAfter('"Spärr" mot marknadsföring.')).toHaveAttribute('href', '/kontakt/?arende=sparr#begaran');
  await expect(actionsAfter('Registerutdrag.')).toHaveText([
    'Begär registerutdrag →',
    'Begär rättelse av personuppgifter →',
  ]);
  await expect(actionsAfter('Personuppgiftsansvarig.')).toHaveText(['Begär rättelse av personuppgifter →']);
  await actionsAfter('Registerutdrag.').first().click();
  await expect(form(page).getByRole('radio', { name: 'Registerutdrag' })).toBeChecked();
});

test('without JavaScript the page offers plain e-mail links and the postal address with what the letter needs', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/kontakt/');
  await expect(page.locator('[data-request-form]')).toBeHidden();
  for (const subject of [
    'Registerutdrag',
    'Rättelse av personuppgifter',
    'Radering av personuppgifter',
    'Begränsning av behandling',
    'Dataportabilitet',
    'Invändning mot behandling',
    'Spärr mot direktmarknadsföring',
  ]) {
    const href = (await page
      .getByRole('link', { name: `Skriv e-post om ${subject.toLowerCase()}` })
      .getAttribute('href'))!;
    expect(readMailto(href)).toMatchObject({ to: 'hello@techtroopers.com', subject });
  }
  const main = page.getByRole('main');
  expect(await main.locator('[data-request-fallback] address').innerText()).toBe(
    'Tech Troopers AB\nKungsgatan 3\n111 43 Stockholm',
  );
  // E-mail first; the letter after it, with the personnummer optional and its reason given.
  const extract = main
    .locator('[data-request-fallback] > div')
    .filter({ has: page.getByRole('heading', { name: 'Registerutdrag' }) });
  const text = await extract.innerText();
  expect(text.indexOf('Skicka e-post till hello@techtroopers.com')).toBeGreaterThan(-1);
  expect(text.indexOf('Skicka e-post till hello@techtroopers.com')).toBeLessThan(
    text.indexOf('Vill du hellre skicka ett brev'),
  );
  await expect(extract).toContainText(
    'om du vill, ditt personnummer: med det kan vi identifiera dig säkert, också om flera personer har samma namn',
  );
  await expect(extract).toContainText('ort, datum och din underskrift');
  const mail = readMailto(
    (await extract.getByRole('link', { name: 'Skriv e-post om registerutdrag' }).getAttribute('href'))!,
  );
  expect(mail.body).toContain('en bekräftelse på om ni behandlar personuppgifter om mig');
  expect(mail.body).toContain('- ändamålen med behandlingen');
  await expect(main).not.toContainText('egenhändig');
  await context.close();
});

test('the form shows at once, its script loads only at the visitor’s first move towards it, and a request picked before the script arrives is shown when it does', async ({
  page,
}) => {
  const FORM_SCRIPT = /\/_astro\/main-[^/]*\.js$/;
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (FORM_SCRIPT.test(request.url())) loaded.push(request.url());
  });
  await slowDown(page, FORM_SCRIPT, 600);
  await page.goto('/kontakt/', { waitUntil: 'networkidle' });
  await expect(form(page)).toBeVisible();
  await expect(page.locator('[data-request-fallback]')).toBeHidden();
  expect(loaded).toEqual([]);
  await dismissBanner(page);
  expect(loaded).toEqual([]);
  // Picked while the script is still on its way: the request's fields show once it has arrived.
  await form(page).getByRole('radio', { name: 'Spärr mot direktmarknadsföring' }).check();
  await expect.poll(() => loaded.length).toBe(1);
  await expect(form(page).getByRole('textbox', { name: 'Namn' })).toBeVisible();
  await expect(form(page).getByRole('button', { name: 'Skapa e-postmeddelande' })).toBeVisible();
  expect(loaded).toHaveLength(1);
});

test('the form can be completed with the keyboard alone', async ({ page }) => {
  await page.goto('/kontakt/');
  await dismissBanner(page);
  // Tab through the page into the choice of request, then the arrow keys to the one wanted.
  const focusedRadio = () =>
    page.evaluate(() => {
      const focused = document.activeElement;
      return focused instanceof HTMLInputElement && focused.name === 'arende' ? focused.labels?.[0]?.textContent : null;
    });
  for (let tabs = 0; (await focusedRadio()) == null; tabs++) {
    expect(tabs, 'Tab never reached the choice of request').toBeLessThan(60);
    await page.keyboard.press('Tab');
  }
  const wanted = form(page).getByRole('radio', { name: 'Spärr mot direktmarknadsföring' });
  for (let arrows = 0; !(await wanted.isChecked()); arrows++) {
    expect(arrows, 'the arrow keys never reached Spärr mot direktmarknadsföring').toBeLessThan(20);
    await page.keyboard.press('ArrowDown');
  }
  await expect(wanted).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form(page).getByRole('textbox', { name: 'Namn' })).toBeFocused();
  await page.keyboard.type('Kim Berg');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kim@example.se');
  await page.keyboard.press('Enter');
  const mail = readMailto((await caughtMailto(page))[0]!);
  expect(mail.subject).toMatch(/^Spärr mot direktmarknadsföring – Kim Berg – TT-/);
});

test('axe finds no violation on the contact page: empty, with errors, composed, and with the letter', async ({
  page,
}) => {
  // Four full axe runs over the whole page, each several seconds on a shared machine.
  test.setTimeout(120_000);
  await page.goto('/kontakt/?arende=registerutdrag');
  await dismissBanner(page);
  await expectNoAxeViolations(page);
  await form(page)
    .getByRole('radio', { name: /^Med brev/ })
    .check();
  await form(page).getByRole('button', { name: 'Skapa brev att skriva ut' }).click();
  await expect(form(page).getByText('Kontrollera det du fyllt i:')).toBeVisible();
  await expectNoAxeViolations(page);
  await fill(page, {
    Namn: 'A B',
    'Personnummer (valfritt)': TEST_PERSONNUMMER,
    Gatuadress: 'G 1',
    Postnummer: '111 22',
    Ort: 'O',
  });
  await form(page).getByRole('button', { name: 'Skapa brev att skriva ut' }).click();
  await expectNoAxeViolations(page);
  await form(page).getByRole('radio', { name: 'Med e-post' }).check();
  await fill(page, { 'E-post': 'a@example.se' });
  await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
  await expect(page.locator('[data-result]')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('no statistics or marketing script runs on the contact page, whatever the consent', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('dialog', { name: 'Vi använder cookies' })
    .getByRole('button', { name: 'Acceptera alla' })
    .click();
  await expect.poll(() => page.evaluate(() => '__matomoStandIn' in window)).toBe(true);
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(STANDINS)) foreign.push(request.url());
  });
  await page.goto('/kontakt/');
  await chooseType(page, 'Rättelse av personuppgifter');
  await fill(page, { Namn: 'X' });
  expect(await page.evaluate(() => '__matomoStandIn' in window || '__gtmStandIn' in window)).toBe(false);
  expect(foreign).toEqual([]);
});

test.describe('the four further rights, each end to end by e-mail', () => {
  const cases: {
    type: string;
    label: string;
    article: string;
    required: string[];
    typed: Record<string, string>;
    inBody: string[];
  }[] = [
    {
      type: 'radering',
      label: 'Radering av personuppgifter',
      article: 'artikel 17',
      required: ['Namn', 'E-post'],
      typed: {
        Namn: 'Dan Ek',
        'E-post': 'dan@example.se',
        'Vilka uppgifter vill du att vi raderar? (valfritt)': 'Mina gamla beställningar',
      },
      inBody: [
        'Jag begär att ni raderar personuppgifter om mig.',
        'Uppgifter som ska raderas:\nMina gamla beställningar',
      ],
    },
    {
      type: 'begransning',
      label: 'Begränsning av behandling',
      article: 'artikel 18',
      required: ['Namn', 'E-post', 'Vilka uppgifter gäller det?', 'Varför ska behandlingen begränsas?'],
      typed: {
        Namn: 'Dan Ek',
        'E-post': 'dan@example.se',
        'Vilka uppgifter gäller det?': 'Min adress',
        'Varför ska behandlingen begränsas?': 'Den är fel och ska utredas.',
      },
      inBody: ['Uppgifter som behandlingen ska begränsas för:\nMin adress', 'Skäl:\nDen är fel och ska utredas.'],
    },
    {
      type: 'dataportabilitet',
      label: 'Dataportabilitet',
      article: 'artikel 20',
      required: ['Namn', 'E-post'],
      typed: { Namn: 'Dan Ek', 'E-post': 'dan@example.se', 'Kundnummer (valfritt)': 'K-9' },
      inBody: ['maskinläsbart format', 'Kundnummer: K-9'],
    },
    {
      type: 'invandning',
      label: 'Invändning mot behandling',
      article: 'artikel 21.1',
      required: ['Namn', 'E-post', 'Vilken behandling invänder du mot?', 'Varför invänder du?'],
      typed: {
        Namn: 'Dan Ek',
        'E-post': 'dan@example.se',
        'Vilken behandling invänder du mot?': 'Kreditprövning',
        'Varför invänder du?': 'Jag har skyddad identitet.',
      },
      inBody: ['Behandling jag invänder mot:\nKreditprövning', 'Skäl:\nJag har skyddad identitet.'],
    },
  ];

  for (const { type, label, article, required, typed, inBody } of cases) {
    test(label, async ({ page }) => {
      // The last day of January: a month later is the last day of February.
      await page.clock.setFixedTime(new Date('2027-01-31T10:00:00+01:00'));
      await page.goto(`/kontakt/?arende=${type}`);
      await dismissBanner(page);
      await expect(form(page).getByRole('radio', { name: label })).toBeChecked();
      // Only what the request needs: no personnummer, no address, no choice of letter.
      await expect(form(page).getByRole('textbox', { name: 'Personnummer' })).toBeHidden();
      await expect(form(page).getByRole('group', { name: 'Hur vill du skicka begäran?' })).toBeHidden();

      await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
      const errors = form(page).locator('[data-error-list] li');
      await expect(errors).toHaveCount(required.length);
      for (const field of required) {
        await expect(form(page).getByRole('textbox', { name: field, exact: true })).toHaveAttribute(
          'aria-invalid',
          'true',
        );
      }
      expect(await caughtMailto(page)).toEqual([]);

      await fill(page, typed);
      await form(page).getByRole('button', { name: 'Skapa e-postmeddelande' }).click();
      const mail = readMailto((await caughtMailto(page))[0]!);
      expect(mail.to).toBe('hello@techtroopers.com');
      expect(mail.subject).toMatch(new RegExp(`^${label} – Dan Ek – ${REFERENCE.source}$`));
      expect(mail.body).toContain(`och ${article} i dataskyddsförordningen (GDPR).`);
      for (const text of inBody) expect(mail.body).toContain(text);
      expect(await shownMessage(page)).toEqual(mail);

      const receipt = page.getByRole('region', { name: 'Vad händer nu?' });
      await expect(receipt).toContainText('senast inom en månad från att begäran kommit fram');
      await expect(receipt).toContainText('senast 28 februari 2027.');
      await expect(receipt).toContainText('med högst två månader till, alltså till senast 30 april 2027');
      await expect(receipt.getByRole('link', { name: 'Integritetsskyddsmyndigheten (IMY)' })).toBeVisible();
    });
  }
});

test('the choice of request reads each hint once, as the description', async ({ page }) => {
  await page.goto('/kontakt/');
  const radio = form(page).getByRole('radio', { name: 'Radering av personuppgifter' });
  await expect(radio).toHaveAccessibleName('Radering av personuppgifter');
  await expect(radio).toHaveAccessibleDescription(/^Vi raderar uppgifter om dig/);
});

test('withdrawing consent is shown beside the requests: cookies in the preferences, anything else by e-mail', async ({
  page,
}) => {
  await page.goto('/kontakt/');
  await dismissBanner(page);
  const section = page.getByRole('region', { name: 'Återkalla ett samtycke' });
  const mail = readMailto((await section.getByRole('link', { name: /skicka e-post/ }).getAttribute('href'))!);
  expect(mail).toMatchObject({ to: 'hello@techtroopers.com', subject: 'Återkallat samtycke' });
  await section.getByRole('link', { name: 'Cookieinställningar' }).click();
  await expect(page.getByRole('dialog', { name: 'Cookieinställningar' })).toBeVisible();
});
