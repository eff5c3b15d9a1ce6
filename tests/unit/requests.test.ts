import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/lib/dates';
import {
  EMPTY_VALUES,
  fieldsFor,
  parseRequestType,
  REQUEST_TYPES,
  REQUESTS,
  SIGNED_LETTER,
  type RequestContext,
  type RequestValues,
} from '../../src/lib/requests/catalogue';
import {
  composeLetter,
  composeMessage,
  composeSubject,
  endpointPayload,
  mailtoUrl,
  makeReference,
  oneLine,
  REFERENCE_ALPHABET,
} from '../../src/lib/requests/compose';
import { requestLinksFor } from '../../src/lib/requests/policyLinks';
import { validateRequest } from '../../src/lib/requests/validate';
import { site } from '../../src/site.config';

// A fixed day, so that nothing here depends on the clock.
const today = '2026-11-24';
const context: RequestContext = {
  recipient: site.privacyRequests.recipient,
  postalAddress: site.privacyRequests.postalAddress,
  policy: { version: '1', effective: '2026-11-24' },
  letterFirst: true,
};
const empty = EMPTY_VALUES;
const anna: RequestValues = {
  ...empty,
  name: 'Anna Andersson',
  email: 'anna@example.se',
  channels: ['epost', 'post'],
  personnummer: '811218-9876',
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
      if (REQUESTS[type].letter) expect(validateRequest(type, 'letter', anna, today)).toEqual({});
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
    expect(Object.keys(validateRequest('registerutdrag', 'letter', empty, today))).toEqual([
      'name',
      'personnummer',
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
    ['personnummer', '811218-9875', 'Kontrollsiffran stämmer inte. Kontrollera personnumret.'],
    ['personnummer', '19811218+98765', 'Skriv högst 13 tecken (nu 14).'],
  ] as const)('refuses %s %j', (field, value, message) => {
    const type =
      field === 'wrong' ? 'rattelse' : field === 'personnummer' || field === 'postalCode' ? 'registerutdrag' : 'sparr';
    const action = field === 'personnummer' || field === 'postalCode' ? 'letter' : 'message';
    const values = { ...anna, customerNumber: 'K-1', phone: '070-123 45 67', [field]: value };
    expect(validateRequest(type, action, values, today)).toEqual({ [field]: message });
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
        'Jag vill inte att mina personuppgifter behandlas för direktmarknadsföring och begär spärr mot marknadsföring. Begäran görs enligt er integritetspolicy (version 1, gällande från 24 november 2026) och artikel 21.3 i dataskyddsförordningen (GDPR).',
        '',
        'Namn: Anna Andersson',
        'E-post: anna@example.se',
        'Telefon: 070-123 45 67',
        'Spärra marknadsföring via: e-post, post',
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

  it('never puts the personnummer in an e-mail or the endpoint’s fields', () => {
    for (const type of REQUEST_TYPES) {
      const message = composeMessage(type, anna, context, reference);
      const payload = endpointPayload(type, anna, reference, '');
      expect(`${message.mailto}${message.body}${payload.toString()}`).not.toMatch(/811218|9876/);
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
    expect(letter.recipient).toEqual(['Tech Troopers AB', 'PuL', 'Kungsgatan 3', '111 43 Stockholm']);
    expect(letter.sender).toEqual(['Anna Andersson', 'Storgatan 1', '111 22 Stockholm']);
    expect(letter.date).toBe('24 november 2026');
    expect(letter.details).toEqual([
      ['Namn', 'Anna Andersson'],
      ['Personnummer', '19811218-9876'],
      ['Folkbokföringsadress', 'Storgatan 1, 111 22 Stockholm'],
    ]);
    expect(letter.paragraphs.join(' ')).toContain('artikel 15');
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
