import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/lib/dates';
import { secureUrl } from '../../src/lib/httpUrl';
import {
  CHANNELS,
  EMPTY_VALUES,
  fieldsFor,
  parseRequestType,
  REQUEST_TYPES,
  REQUESTS,
  SIGNED_LETTER,
  TEXT_FIELDS,
  type RequestContext,
  type RequestValues,
} from '../../src/lib/requests/catalogue';
import {
  composeMessage,
  composeSubject,
  endpointPayload,
  mailtoUrl,
  makeReference,
  oneLine,
  REFERENCE_ALPHABET,
  requestText,
} from '../../src/lib/requests/compose';
import { composeLetter } from '../../src/lib/requests/composeLetter';
import { COMPANY_LETTER_ADDRESS, requestContext } from '../../src/lib/requests/context';
import { validatePersonnummer } from '../../src/lib/requests/personnummer';
import { requestLinksFor } from '../../src/lib/requests/policyLinks';
import { validateRequest } from '../../src/lib/requests/validate';
import { site } from '../../src/site.config';

// A fixed day, so that nothing here depends on the clock.
const today = '2026-11-24';
const context: RequestContext = {
  recipient: site.privacyRequests.recipient,
  postalAddress: ['Tech Troopers AB', 'Kungsgatan 3', '111 43 Stockholm'],
  policy: { version: '1', effective: '2026-11-24' },
  offersLetter: true,
};
/** A personnummer from Skatteverket's test series (a day's födelsenummer 239), so that it is nobody's. */
const TEST_PERSONNUMMER = '900101-2393';
const empty = EMPTY_VALUES;
const anna: RequestValues = {
  ...empty,
  name: 'Anna Andersson',
  email: 'anna@example.se',
  channels: ['epost', 'post'],
  personnummer: TEST_PERSONNUMMER,
  street: 'Storgatan 1',
  postalCode: '111 22',
  city: 'Stockholm',
  wrong: 'Fel\r\nadress',
  correct: 'Rätt adress',
  erasureScope: 'Allt',
  restrictionScope: 'Min adress',
  restrictionReason: 'Den är fel och ska utredas.',
  objectionScope: 'Kreditprövning',
  objectionReason: 'Jag är skyddad.',
};

describe('validateRequest', () => {
  it('passes a complete request of every type, and the letter where one is offered', () => {
    for (const type of REQUEST_TYPES) {
      expect(validateRequest(type, 'message', anna, today)).toEqual({});
      if (REQUESTS[type].letter) expect(validateRequest(type, 'letter', anna, today, validatePersonnummer)).toEqual({});
    }
  });

  it('asks for exactly the fields of each type, in form order', () => {
    expect(Object.keys(validateRequest('sparr', 'message', empty, today))).toEqual(['name', 'email', 'channels']);
    expect(Object.keys(validateRequest('rattelse', 'message', empty, today))).toEqual([
      'name',
      'email',
      'wrong',
      'correct',
    ]);
    // The personnummer is optional even in the letter.
    expect(Object.keys(validateRequest('registerutdrag', 'letter', empty, today, validatePersonnummer))).toEqual([
      'name',
      'street',
      'postalCode',
      'city',
    ]);
    // By e-mail, an extract needs the name and an address to answer; the answer comes electronically.
    expect(Object.keys(validateRequest('registerutdrag', 'message', empty, today))).toEqual(['name', 'email']);
    expect(Object.keys(validateRequest('radering', 'message', empty, today))).toEqual(['name', 'email']);
    expect(Object.keys(validateRequest('begransning', 'message', empty, today))).toEqual([
      'name',
      'email',
      'restrictionScope',
      'restrictionReason',
    ]);
    expect(Object.keys(validateRequest('dataportabilitet', 'message', empty, today))).toEqual(['name', 'email']);
    expect(Object.keys(validateRequest('invandning', 'message', empty, today))).toEqual([
      'name',
      'email',
      'objectionScope',
      'objectionReason',
    ]);
  });

  it('never asks for the personnummer in an e-mail', () => {
    for (const type of REQUEST_TYPES) expect(fieldsFor(type, 'message')).not.toContain('personnummer');
  });

  it('takes a letter without a personnummer, and checks one that is given', () => {
    expect(validateRequest('registerutdrag', 'letter', { ...anna, personnummer: '' }, today)).toEqual({});
    expect(
      validateRequest(
        'registerutdrag',
        'letter',
        { ...anna, personnummer: '900101-2394' },
        today,
        validatePersonnummer,
      ),
    ).toEqual({
      personnummer: 'Kontrollsiffran stämmer inte. Kontrollera personnumret.',
    });
  });

  it('refuses to pass a personnummer it was given no check for', () => {
    expect(() => validateRequest('registerutdrag', 'letter', anna, today)).toThrow(/personnummer check/);
  });

  it('gives examples of personnummer from Skatteverket’s test series only, with a valid check digit', () => {
    const hint = TEXT_FIELDS.personnummer.hint;
    const examples = hint.match(/\d{8}-\d{4}/g) ?? [];
    expect(examples).toEqual(['19900101-2393']);
    for (const example of examples) {
      expect(validatePersonnummer(example, today)).toMatchObject({ ok: true, kind: 'personnummer' });
      // Skatteverket's test numbers for a day of the 1900s have födelsenummer 238 or 239.
      expect(example).toMatch(/-23[89]\d$/);
    }
    expect(validatePersonnummer(TEST_PERSONNUMMER, today)).toMatchObject({ ok: true, normalized: '19900101-2393' });
  });

  it('says why the personnummer is asked for, and that it is optional', () => {
    expect(TEXT_FIELDS.personnummer).toMatchObject({ optional: true, letterOnly: true });
    expect(TEXT_FIELDS.personnummer.hint).toContain('identifiera dig säkert, också om flera personer har samma namn');
  });

  it.each([
    ['email', 'anna@', 'Skriv en giltig e-postadress, till exempel namn@exempel.se.'],
    ['email', 'anna@example', 'Skriv en giltig e-postadress, till exempel namn@exempel.se.'],
    ['email', 'an na@example.se', 'Skriv en giltig e-postadress, till exempel namn@exempel.se.'],
    ['email', `${'a'.repeat(250)}@example.se`, 'Skriv högst 254 tecken (nu 261).'],
    ['name', 'x'.repeat(101), 'Skriv högst 100 tecken (nu 101).'],
    ['phone', '07O-123', 'Skriv telefonnumret med siffror, till exempel 070-123 45 67.'],
    ['customerNumber', 'K 12', 'Kundnumret kan bara innehålla bokstäver, siffror och bindestreck.'],
    ['wrong', 'x'.repeat(2001), 'Skriv högst 2000 tecken (nu 2001).'],
    ['postalCode', '1112', 'Skriv postnumret med fem siffror, till exempel 111 43.'],
    ['personnummer', '900101-2394', 'Kontrollsiffran stämmer inte. Kontrollera personnumret.'],
    ['personnummer', '19900101+23935', 'Skriv högst 13 tecken (nu 14).'],
  ] as const)('refuses %s %j', (field, value, message) => {
    const type =
      field === 'wrong' ? 'rattelse' : field === 'personnummer' || field === 'postalCode' ? 'registerutdrag' : 'sparr';
    const action = field === 'personnummer' || field === 'postalCode' ? 'letter' : 'message';
    const values = { ...anna, customerNumber: 'K-1', phone: '070-123 45 67', [field]: value };
    expect(validateRequest(type, action, values, today, validatePersonnummer)).toEqual({ [field]: message });
  });
});

describe('composition', () => {
  const reference = 'TT-20261124-7K3Q';

  it('makes references from an alphabet without look-alike characters', () => {
    const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => [0, 30, 31, 255][i]!);
    expect(makeReference('2026-11-24', bytes)).toBe('TT-20261124-2Z29');
    expect(makeReference('2026-11-24', (n) => crypto.getRandomValues(new Uint8Array(n)))).toMatch(
      /^TT-20261124-[2-9A-HJKMNP-Z]{4}$/,
    );
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('keeps the subject on one line whatever the name holds', () => {
    expect(composeSubject('sparr', { ...anna, name: 'Anna\r\nBcc: x@evil.example\u2028Andersson' }, reference)).toBe(
      'Spärr mot direktmarknadsföring – Anna Bcc: x@evil.example Andersson – TT-20261124-7K3Q',
    );
    expect(oneLine(' a\t\nb\u0000c ')).toBe('a b c');
  });

  it('composes the opt-out with every field, to the policy’s address', () => {
    const message = composeMessage('sparr', { ...anna, phone: '070-123 45 67' }, context, reference);
    expect(message.to).toBe('hello@techtroopers.com');
    expect(message.body).toBe(
      [
        'Hej Tech Troopers,',
        '',
        'Jag invänder mot att mina personuppgifter behandlas för direktmarknadsföring, också profilering som hör ihop med sådan marknadsföring, och begär spärr mot marknadsföring. Begäran görs enligt er integritetspolicy (version 1, gällande från 24 november 2026) och artikel 21.2–21.3 i dataskyddsförordningen (GDPR).',
        '',
        'Namn: Anna Andersson',
        'E-post: anna@example.se',
        'Telefon: 070-123 45 67',
        'Spärren gäller: e-post, post',
        '',
        'Referens: TT-20261124-7K3Q',
        '',
        'Med vänliga hälsningar',
        'Anna Andersson',
      ].join('\n'),
    );
  });

  it('encodes the mailto: so that nothing typed becomes a header or parameter', () => {
    const message = composeMessage(
      'rattelse',
      { ...anna, wrong: 'a&cc=x@evil.example\nb', correct: '?body=' },
      context,
      reference,
    );
    const url = new URL(message.mailto);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('hello@techtroopers.com');
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(url.searchParams.get('body')).toBe(message.body.replaceAll('\n', '\r\n'));
    expect(message.mailto).toContain('%0D%0A');
    expect(message.body).toContain('Det här är fel:\na&cc=x@evil.example\nb\n\nSå här ska det vara:\n?body=');
  });

  it('composes each new right with what it asks for, written text after the one-line fields', () => {
    const message = composeMessage('invandning', { ...anna, customerNumber: 'K-1' }, context, reference);
    expect(message.subject).toBe('Invändning mot behandling – Anna Andersson – TT-20261124-7K3Q');
    expect(message.body).toContain(
      'Jag invänder, av skäl som hänför sig till min specifika situation, mot att ni behandlar mina personuppgifter med stöd av ett berättigat intresse.',
    );
    expect(message.body).toContain('och artikel 21.1 i dataskyddsförordningen (GDPR).');
    expect(message.body).toContain(
      'Namn: Anna Andersson\nE-post: anna@example.se\nKundnummer: K-1\n\nBehandling jag invänder mot:\nKreditprövning\n\nSkäl:\nJag är skyddad.',
    );
    // An optional text left empty is left out.
    const erasure = composeMessage('radering', { ...anna, erasureScope: '' }, context, reference);
    expect(erasure.body).not.toContain('Uppgifter som ska raderas');
    expect(erasure.body).toContain('artikel 17');
    expect(composeMessage('dataportabilitet', anna, context, reference).body).toContain('maskinläsbart format');
    expect(composeMessage('begransning', anna, context, reference).body).toContain(
      'Uppgifter som behandlingen ska begränsas för:\nMin adress\n\nSkäl:\nDen är fel och ska utredas.',
    );
  });

  it('asks for an extract by e-mail without the personnummer, and says why', () => {
    const { body } = composeMessage('registerutdrag', anna, context, reference);
    expect(body).toContain('Jag skickar inte mitt personnummer via e-post.');
    expect(body).not.toContain('Storgatan');
  });

  it('asks in an extract for everything article 15 gives: confirmation, a copy and the information in 15.1 and 15.2', () => {
    const { body } = composeMessage('registerutdrag', anna, context, reference);
    const text = requestText('registerutdrag', context);
    expect(body).toContain(text);
    expect(text).toMatch(/^Jag begär ett registerutdrag: en bekräftelse på om ni behandlar personuppgifter om mig/);
    expect(text).toContain('en kopia av de personuppgifter ni behandlar');
    // 15.1 a–h, then 15.2, one point each.
    const points = text.split('\n').filter((line) => line.startsWith('- '));
    expect(points).toHaveLength(9);
    for (const [index, words] of [
      'ändamålen',
      'kategorier av personuppgifter',
      'mottagare',
      'hur länge uppgifterna kommer att sparas',
      'rättelse eller radering av uppgifterna eller begränsning av behandlingen, och att invända',
      'klaga hos Integritetsskyddsmyndigheten',
      'varifrån uppgifterna kommer',
      'automatiserat beslutsfattande, inklusive profilering',
      'skyddsåtgärder',
    ].entries()) {
      expect(points[index]).toContain(words);
    }
    expect(text).toContain('artikel 15 i dataskyddsförordningen');
  });

  it('objects for reasons of the visitor’s own situation, naming the exception for legal claims, and never to consented statistics', () => {
    const { hint, ask, article } = REQUESTS.invandning;
    expect(article).toBe('artikel 21.1');
    expect(hint).toContain('av skäl som hänför sig till din specifika situation');
    expect(ask).toContain('av skäl som hänför sig till min specifika situation');
    expect(hint).toContain('fastställa, göra gällande eller försvara rättsliga anspråk');
    // Statistics rest on consent: that is withdrawn (article 7.3), not objected to.
    expect(TEXT_FIELDS.objectionScope.hint).not.toMatch(/som besöksstatistik/);
    expect(TEXT_FIELDS.objectionScope.hint).toContain('återkallar du i stället ditt samtycke');
  });

  it('opts out of marketing under article 21.2–21.3, by SMS and of profiling for marketing too', () => {
    expect(REQUESTS.sparr.article).toBe('artikel 21.2–21.3');
    expect(Object.values(CHANNELS)).toEqual(['e-post', 'telefon', 'sms', 'post', 'profilering för marknadsföring']);
    const message = composeMessage('sparr', { ...anna, channels: ['sms', 'profilering'] }, context, reference);
    expect(message.body).toContain('Spärren gäller: sms, profilering för marknadsföring');
    expect(
      Object.fromEntries(endpointPayload('sparr', { ...anna, channels: ['sms', 'profilering'] }, reference, '')),
    ).toMatchObject({
      kanaler: 'sms,profilering',
    });
  });

  it('never puts the personnummer in an e-mail or the endpoint’s fields', () => {
    for (const type of REQUEST_TYPES) {
      const message = composeMessage(type, anna, context, reference);
      const payload = endpointPayload(type, anna, reference, '');
      expect(`${message.mailto}${message.body}${payload.toString()}`).not.toMatch(/900101|2393/);
    }
  });

  it('sends the endpoint the same fields, the honeypot included', () => {
    expect(Object.fromEntries(endpointPayload('rattelse', anna, reference, 'spam'))).toEqual({
      arende: 'rattelse',
      referens: reference,
      amne: 'Rättelse av personuppgifter – Anna Andersson – TT-20261124-7K3Q',
      name: 'Anna Andersson',
      email: 'anna@example.se',
      wrong: 'Fel\nadress',
      correct: 'Rätt adress',
      webbplats: 'spam',
    });
  });

  it('writes the register extract letter to the policy’s postal address, with the personnummer', () => {
    const letter = composeLetter('registerutdrag', anna, context, today)!;
    expect(letter.title).toBe('Begäran om registerutdrag');
    expect(letter.recipient).toEqual(['Tech Troopers AB', 'Kungsgatan 3', '111 43 Stockholm']);
    expect(letter.sender).toEqual(['Anna Andersson', 'Storgatan 1', '111 22 Stockholm']);
    expect(letter.date).toBe('24 november 2026');
    expect(letter.details).toEqual([
      ['Namn', 'Anna Andersson'],
      ['Personnummer', '19900101-2393'],
      ['Folkbokföringsadress', 'Storgatan 1, 111 22 Stockholm'],
    ]);
    expect(letter.request).toContain('artikel 15');
    expect(letter.points).toEqual(REQUESTS.registerutdrag.points);
    expect(letter.closing).toBe('Skicka utdraget till min folkbokföringsadress.');
  });

  it('writes the letter without a personnummer when none is given', () => {
    const letter = composeLetter('registerutdrag', { ...anna, personnummer: '' }, context, today)!;
    expect(letter.details).toEqual([
      ['Namn', 'Anna Andersson'],
      ['Folkbokföringsadress', 'Storgatan 1, 111 22 Stockholm'],
    ]);
  });

  it('writes a letter only for what offers one', () => {
    expect(composeLetter('rattelse', anna, context, today)).toBeUndefined();
  });

  it('builds a mailto: with only a subject, for plain links', () => {
    expect(mailtoUrl('hello@techtroopers.com', 'Återkallat samtycke')).toBe(
      'mailto:hello@techtroopers.com?subject=%C3%85terkallat%20samtycke',
    );
  });
});

describe('the reply deadline', () => {
  it.each([
    ['2026-11-24', 1, '2026-12-24'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s plus %i month(s) is %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });
});

describe('the request context of the privacy policy in force', () => {
  const version = { version: '2', effective: '2027-01-01', body: 'Du kan begära registerutdrag via e-post.' };

  it('sends letters to the version’s own address, and offers a letter, after e-mail, when it names one', () => {
    const letterAddress = ['Tech Troopers AB', 'Dataskydd', 'Kungsgatan 3', '111 43 Stockholm'];
    expect(requestContext({ ...version, letterAddress })).toEqual({
      recipient: 'hello@techtroopers.com',
      postalAddress: letterAddress,
      policy: { version: '2', effective: '2027-01-01' },
      offersLetter: true,
    });
  });

  it('falls back to the company’s address, with no department line, for a version that names none', () => {
    expect(COMPANY_LETTER_ADDRESS).toEqual(['Tech Troopers AB', 'Kungsgatan 3', '111 43 Stockholm']);
    const context = requestContext({ ...version, body: 'Begäran ska vara egenhändigt undertecknad.' });
    expect(context.postalAddress).toEqual(COMPANY_LETTER_ADDRESS);
    expect(context.offersLetter).toBe(true);
  });

  it('offers no letter where the version mentions none', () => {
    expect(requestContext(version).offersLetter).toBe(false);
  });

  it('keeps "PuL", named after a repealed law, out of the addresses and the site’s settings', () => {
    expect(JSON.stringify(site)).not.toMatch(/\bPuL\b/);
    expect(JSON.stringify(requestContext(version))).not.toMatch(/\bPuL\b/);
  });
});

describe('a policy that asks for a signed letter', () => {
  it('is recognised by its wording', () => {
    expect(SIGNED_LETTER.test('Begäran ska göras skriftligt och vara egenhändigt undertecknad av den sökande')).toBe(
      true,
    );
    expect(SIGNED_LETTER.test('Du kan begära registerutdrag via e-post.')).toBe(false);
  });
});

describe('request links beside the privacy policy', () => {
  it('match the paragraphs they concern', () => {
    expect(requestLinksFor('"Spärr" mot marknadsföring. Om man inte önskar …').map((link) => link.href)).toEqual([
      '/kontakt/?arende=sparr#begaran',
    ]);
    expect(
      requestLinksFor('Registerutdrag. … Begäran om rättelse av personuppgift görs hos …').map((link) => link.type),
    ).toEqual(['registerutdrag', 'rattelse']);
    expect(requestLinksFor('Eventuella felaktigheter som rör privatpersoner').map((link) => link.label)).toEqual([
      'Begär rättelse av personuppgifter',
    ]);
    expect(requestLinksFor('Syfte. Inom Tech Troopers sker behandling')).toEqual([]);
  });

  it('preselect only known request types', () => {
    for (const type of REQUEST_TYPES) expect(parseRequestType(type)).toBe(type);
    expect(parseRequestType('sparr')).toBe('sparr');
    expect(parseRequestType('SPARR')).toBeUndefined();
    expect(parseRequestType(null)).toBeUndefined();
  });
});

describe('the request endpoint', () => {
  it.each([
    'https://techtroopers.com/begaran',
    'https://forms.example.net:8443/begaran?site=tt',
    'http://localhost:4421/begaran',
    'http://127.0.0.1:4421/begaran',
    'http://[::1]:4421/begaran',
    'http://LOCALHOST/begaran',
  ])('accepts %s', (value) => {
    expect(secureUrl('PUBLIC_CONTACT_ENDPOINT', value).href).toBe(new URL(value).href);
  });

  it.each([
    'http://techtroopers.com/begaran',
    'http://192.168.1.10/begaran',
    'http://127.0.0.2/begaran',
    'http://localhost.example.com/begaran',
    'http://[::2]/begaran',
  ])('refuses plain http to %s, naming the setting', (value) => {
    expect(() => secureUrl('PUBLIC_CONTACT_ENDPOINT', value)).toThrow(
      `PUBLIC_CONTACT_ENDPOINT must be an https:// URL, since what is sent there is personal data; http:// is allowed only for localhost, 127.0.0.1 and [::1], got "${value}".`,
    );
  });

  it.each(['ftp://techtroopers.com/begaran', 'techtroopers.com/begaran', '/begaran', 'mailto:hello@techtroopers.com'])(
    'refuses %s, which is no web address at all',
    (value) => {
      expect(() => secureUrl('PUBLIC_CONTACT_ENDPOINT', value)).toThrow(/^PUBLIC_CONTACT_ENDPOINT must be an absolute/);
    },
  );
});
