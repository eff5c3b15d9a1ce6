import { createServer, type Server } from 'node:http';
import { expect } from '@playwright/test';
import { PORTS } from '../../harness/ports';
import {
  catchMailto,
  caughtMailto,
  chooseType,
  dismissBanner,
  expectElectronicFirst,
  fill,
  form,
  REFERENCE,
  TEST_PERSONNUMMER,
} from '../support/requests';
import { testOn } from '../support/site';

const test = testOn('upcoming-version');

// This build has PUBLIC_CONTACT_ENDPOINT on the receiver port (PORTS.receiver); the
// receiver is started here, so the tests share one port and run one at a time.
test.describe.configure({ mode: 'serial' });

interface Received {
  contentType: string | undefined;
  fields: Record<string, string>;
}

let receiver: Server;
let failing = false;
const received: Received[] = [];

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    const cors = { 'Access-Control-Allow-Origin': '*' };
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/begaran') {
        if (failing) {
          response.writeHead(500, cors).end();
          return;
        }
        received.push({
          contentType: request.headers['content-type'],
          fields: Object.fromEntries(new URLSearchParams(body)),
        });
        response.writeHead(204, cors).end();
      } else {
        response.writeHead(404, cors).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(PORTS.receiver, '127.0.0.1', resolve));
});

test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

test.beforeEach(async ({ page }) => {
  failing = false;
  received.length = 0;
  await catchMailto(page);
});

test('endpoint mode posts the fields, URL-encoded, and says it was sent', async ({ page }) => {
  await page.goto('/kontakt/?arende=sparr');
  await dismissBanner(page);
  await fill(page, { Namn: 'Anna Andersson', 'E-post': 'anna@example.se', 'Telefon (valfritt)': '070-123 45 67' });
  await form(page).getByRole('checkbox', { name: 'Post', exact: true }).uncheck();
  await form(page).getByRole('button', { name: 'Skicka begäran' }).click();

  await expect(page.getByRole('status')).toContainText('Din begäran är skickad. Din referens är TT-');
  expect(received).toHaveLength(1);
  const { contentType, fields } = received[0]!;
  expect(contentType).toContain('application/x-www-form-urlencoded');
  expect(fields).toEqual({
    arende: 'sparr',
    referens: expect.stringMatching(REFERENCE),
    amne: expect.stringMatching(/^Spärr mot direktmarknadsföring – Anna Andersson – TT-/),
    name: 'Anna Andersson',
    email: 'anna@example.se',
    phone: '070-123 45 67',
    customerNumber: '',
    kanaler: 'epost,telefon,sms,profilering',
    webbplats: '',
  });
  expect(await caughtMailto(page)).toEqual([]);
  await expect(page.getByRole('region', { name: 'Vad händer nu?' })).toContainText(fields['referens']!);
});

test('a failing receiver keeps everything the visitor typed and offers e-mail instead', async ({ page }) => {
  failing = true;
  await page.goto('/kontakt/?arende=rattelse');
  await dismissBanner(page);
  const typed = {
    Namn: 'Bo Ek',
    'E-post': 'bo@example.se',
    'Vad är fel?': 'Fel adress',
    'Vad ska det stå?': 'Rätt adress',
  };
  await fill(page, typed);
  await form(page).getByRole('button', { name: 'Skicka begäran' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Det gick inte att skicka din begäran. Allt du skrivit finns kvar i formuläret',
  );
  for (const [name, value] of Object.entries(typed)) {
    await expect(form(page).getByRole('textbox', { name, exact: true })).toHaveValue(value);
  }
  await expect(page.getByRole('status').getByRole('link', { name: 'skicka den som e-post' })).toHaveAttribute(
    'href',
    /^mailto:hello@techtroopers\.com\?subject=R%C3%A4ttelse/,
  );

  failing = false;
  await form(page).getByRole('button', { name: 'Skicka begäran' }).click();
  await expect(page.getByRole('status')).toContainText('Din begäran är skickad.');
  expect(received[0]?.fields).toMatchObject({ arende: 'rattelse', wrong: 'Fel adress', correct: 'Rätt adress' });
});

test('a register extract sent through the endpoint never carries the personnummer', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
  await page.goto('/kontakt/');
  await dismissBanner(page);
  await chooseType(page, 'Registerutdrag');
  // The form comes first; the policy in force mentions a letter, so one is on offer. The visitor starts one, then changes their mind.
  await expect(form(page).getByRole('radio', { name: 'Via formuläret här' })).toBeChecked();
  await form(page)
    .getByRole('radio', { name: /^Med brev/ })
    .check();
  await fill(page, { Namn: 'Cecilia Holm', 'Personnummer (valfritt)': TEST_PERSONNUMMER, Gatuadress: 'Storgatan 1' });
  await form(page).getByRole('radio', { name: 'Via formuläret här' }).check();
  await expect(form(page).getByRole('textbox', { name: 'Personnummer' })).toBeHidden();
  await fill(page, { 'E-post': 'c@example.se' });
  await form(page).getByRole('button', { name: 'Skicka begäran' }).click();
  await expect(page.getByRole('status')).toContainText('Din begäran är skickad.');
  expect(received[0]?.fields).toEqual({
    arende: 'registerutdrag',
    referens: expect.stringMatching(REFERENCE),
    amne: expect.stringMatching(/^Registerutdrag – Cecilia Holm – TT-/),
    name: 'Cecilia Holm',
    email: 'c@example.se',
    customerNumber: '',
    webbplats: '',
  });
  expect(JSON.stringify(received)).not.toMatch(/900101|2393/);
  expect(sent.join('\n')).not.toMatch(/900101|2393/);
});

test('every new right is posted with the fields it asks for', async ({ page }) => {
  const cases: [string, string, Record<string, string>, Record<string, string>][] = [
    ['radering', 'Radering av personuppgifter', { Namn: 'Dan Ek', 'E-post': 'dan@example.se' }, { erasureScope: '' }],
    [
      'begransning',
      'Begränsning av behandling',
      {
        Namn: 'Dan Ek',
        'E-post': 'dan@example.se',
        'Vilka uppgifter gäller det?': 'Min adress',
        'Varför ska behandlingen begränsas?': 'Den är fel.',
      },
      { restrictionScope: 'Min adress', restrictionReason: 'Den är fel.' },
    ],
    [
      'dataportabilitet',
      'Dataportabilitet',
      {
        Namn: 'Dan Ek',
        'E-post': 'dan@example.se',
        'Ska vi överföra uppgifterna direkt till någon annan? (valfritt)': 'Annan AB',
      },
      { portabilityScope: '', portabilityReceiver: 'Annan AB' },
    ],
    [
      'invandning',
      'Invändning mot behandling',
      {
        Namn: 'Dan Ek',
        'E-post': 'dan@example.se',
        'Vilken behandling invänder du mot?': 'Kreditprövning',
        'Varför invänder du?': 'Skyddad identitet.',
      },
      { objectionScope: 'Kreditprövning', objectionReason: 'Skyddad identitet.' },
    ],
  ];
  for (const [type, label, typed, posted] of cases) {
    received.length = 0;
    await page.goto(`/kontakt/?arende=${type}`);
    if (type === 'radering') await dismissBanner(page);
    await expect(form(page).getByRole('radio', { name: label })).toBeChecked();
    await fill(page, typed);
    await form(page).getByRole('button', { name: 'Skicka begäran' }).click();
    await expect(page.getByRole('status')).toContainText('Din begäran är skickad.');
    expect(received[0]?.fields).toEqual({
      arende: type,
      referens: expect.stringMatching(REFERENCE),
      amne: expect.stringMatching(new RegExp(`^${label} – Dan Ek – TT-`)),
      name: 'Dan Ek',
      email: 'dan@example.se',
      customerNumber: '',
      webbplats: '',
      ...posted,
    });
  }
});

test('every request offers the form first, and the letter after it where the policy in force mentions one', async ({
  page,
}) => {
  await page.goto('/kontakt/');
  await dismissBanner(page);
  expect(await expectElectronicFirst(page, 'Via formuläret här', 'Skicka begäran')).toEqual(['registerutdrag']);
  await expect(form(page).getByRole('radio', { name: 'Registerutdrag' })).toHaveAccessibleDescription(
    /Det räcker att skicka begäran här via formuläret; vill du hellre skicka ett brev går det också\.$/,
  );
});
