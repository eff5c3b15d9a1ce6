// The scan's comparison: observations and a declaration in, findings out.
import { describe, expect, it } from 'vitest';
import { classifyRequest, compare, partyOf, siteOf } from '../../tools/cookie-scan/compare';
import { parseCookieText } from '../../tools/cookie-scan/browser/cookieText';
import type { CookieDeclaration } from '../../src/lib/consent/declaration';
import { toDeclarationDocument } from '../../src/lib/consent/declarationDocument';
import { buildConsentSetup } from '../../src/lib/consent/setup';
import type { Snapshot, StateResult, StoredItem } from '../../tools/cookie-scan/types';

const ORIGIN = 'https://www.techtroopers.com';
const STANDINS = 'https://matomo.example.net';
const DAY = 86400;

const declaration: CookieDeclaration = {
  categories: [
    { id: 'necessary', title: 'Nödvändiga', description: 'Dina val.' },
    { id: 'statistics', title: 'Statistik', description: 'Besöksstatistik.' },
    { id: 'marketing', title: 'Marknadsföring', description: 'Annonser.' },
  ],
  cookies: [
    {
      name: 'cc_cookie',
      provider: 'Tech Troopers',
      party: 'first',
      purpose: 'Dina val.',
      duration: '6 månader',
      category: 'necessary',
    },
    {
      name: '_pk_id.*',
      provider: 'Tech Troopers (Matomo)',
      party: 'first',
      purpose: 'Besökare.',
      duration: '13 månader',
      category: 'statistics',
    },
    {
      name: '_pk_ses.*',
      provider: 'Tech Troopers (Matomo)',
      party: 'first',
      purpose: 'Besök.',
      duration: '30 minuter',
      category: 'statistics',
    },
    {
      name: '_gcl_au',
      provider: 'Google',
      party: 'third',
      purpose: 'Annonser.',
      duration: '3 månader',
      category: 'marketing',
    },
    {
      name: 'tt_*',
      storage: 'sessionStorage',
      provider: 'Tech Troopers',
      party: 'first',
      purpose: 'Formulärets utkast.',
      duration: 'Sessionen',
      category: 'necessary',
    },
  ],
};

const document = toDeclarationDocument(
  buildConsentSetup(
    [
      {
        version: '1',
        effective: '2026-11-24',
        summary: 'Första.',
        url: '/cookiepolicy/',
        changesUrl: undefined,
        material: false,
        declaration,
      },
    ],
    {
      matomo: { url: `${STANDINS}/matomo/`, siteId: '1' },
      gtm: { id: 'GTM-TEST', scriptUrl: `${STANDINS}/gtm.js` },
    },
    `${STANDINS}/consent-log`,
  ),
  'https://techtroopers.com',
);

const cookie = (name: string, extra: Partial<StoredItem> = {}): StoredItem => ({
  storage: 'cookie',
  name,
  where: 'www.techtroopers.com',
  party: 'first',
  path: '/',
  expires: null,
  lifetimeSeconds: 30 * DAY,
  writers: [],
  ...extra,
});

const stored = (storage: StoredItem['storage'], name: string, extra: Partial<StoredItem> = {}): StoredItem => ({
  storage,
  name,
  where: ORIGIN,
  party: 'first',
  writers: [],
  ...extra,
});

const snapshot = (extra: Partial<Snapshot> = {}): Snapshot => ({
  page: '/',
  at: '2026-11-25T10:00:00.000Z',
  status: 200,
  phase: 'consent',
  accepted: ['necessary', 'statistics', 'marketing'],
  items: [],
  requests: [],
  ...extra,
});

const consentCookie = cookie('cc_cookie', { lifetimeSeconds: 182 * DAY });
const matomoCookies = [
  cookie('_pk_id.1.1f2e', { lifetimeSeconds: 390 * DAY, writers: [`${STANDINS}/matomo/matomo.js`] }),
  cookie('_pk_ses.1.1f2e', { lifetimeSeconds: 1800, writers: [`${STANDINS}/matomo/matomo.js`] }),
];
const gclAu = cookie('_gcl_au', { lifetimeSeconds: 90 * DAY, writers: [`${STANDINS}/gtm.js`] });
const draft = stored('sessionStorage', 'tt_utkast');

/** A scan where the site behaves: each state stores and calls what it may. */
function soundStates(): StateResult[] {
  return [
    {
      id: 'none',
      kind: 'none',
      snapshots: [snapshot({ phase: 'no-consent', accepted: ['necessary'], items: [draft] })],
    },
    {
      id: 'refused',
      kind: 'refused',
      snapshots: [
        snapshot({
          phase: 'no-consent',
          accepted: ['necessary'],
          items: [consentCookie],
          requests: [{ url: `${STANDINS}/consent-log`, method: 'POST', type: 'ping' }],
        }),
      ],
    },
    {
      id: 'all',
      kind: 'all',
      snapshots: [
        snapshot({
          items: [consentCookie, ...matomoCookies, gclAu],
          requests: [
            { url: `${STANDINS}/matomo/matomo.js`, method: 'GET', type: 'script' },
            { url: `${STANDINS}/gtm.js?id=GTM-TEST`, method: 'GET', type: 'script' },
          ],
        }),
      ],
    },
    {
      id: 'withdrawn-statistics',
      kind: 'withdrawn',
      category: 'statistics',
      snapshots: [
        snapshot({ items: [consentCookie, ...matomoCookies, gclAu] }),
        snapshot({
          phase: 'withdrawn',
          accepted: ['necessary', 'marketing'],
          withdrawn: 'statistics',
          items: [consentCookie, gclAu],
        }),
      ],
    },
  ];
}

const names = (states: StateResult[]) =>
  compare({ declaration: document, origin: ORIGIN, states }).map((finding) => `${finding.name} ${finding.subject}`);

describe('compare', () => {
  it('finds nothing when the site stores and calls what its declaration says', () => {
    expect(names(soundStates())).toEqual([]);
  });

  it('names an undeclared cookie, and one declared under another storage type', () => {
    const states = soundStates();
    states[2]!.snapshots[0]!.items.push(cookie('_pk_cvar.1.1f2e'), cookie('tt_utkast'));
    const findings = compare({ declaration: document, origin: ORIGIN, states });
    expect(findings.map((finding) => [finding.name, finding.subject, finding.state, finding.page])).toEqual([
      ['undeclared', 'cookie _pk_cvar.1.1f2e (www.techtroopers.com)', 'all', '/'],
      ['undeclared', 'cookie tt_utkast (www.techtroopers.com)', 'all', '/'],
    ]);
    expect(findings[1]!.message).toContain('the name is declared, as sessionStorage');
  });

  it('names storage before any choice and after refusal, declared elsewhere or not at all', () => {
    const states = soundStates();
    states[0]!.snapshots[0]!.items.push(matomoCookies[0]!, stored('localStorage', 'tt_senaste_besok'));
    states[1]!.snapshots[0]!.items.push(matomoCookies[0]!);
    const findings = compare({ declaration: document, origin: ORIGIN, states });
    expect(findings.map((finding) => [finding.name, finding.subject, finding.states])).toEqual([
      ['undeclared', `localStorage tt_senaste_besok (${ORIGIN})`, ['none']],
      ['before-consent', 'cookie _pk_id.1.1f2e (www.techtroopers.com)', ['none', 'refused']],
      ['before-consent', `localStorage tt_senaste_besok (${ORIGIN})`, ['none']],
    ]);
  });

  it('names a cookie of a category the visitor has not accepted', () => {
    const states = soundStates();
    states.push({
      id: 'only-statistics',
      kind: 'only',
      category: 'statistics',
      snapshots: [snapshot({ accepted: ['necessary', 'statistics'], items: [consentCookie, ...matomoCookies, gclAu] })],
    });
    expect(names(states)).toEqual(['wrong-category cookie _gcl_au (www.techtroopers.com)']);
  });

  it('holds lifetimes against the declared durations, with a minute for clocks', () => {
    const states = soundStates();
    states[2]!.snapshots[0]!.items = [
      consentCookie,
      cookie('_pk_id.1.1f2e', { lifetimeSeconds: 398 * DAY }),
      cookie('_pk_ses.1.1f2e', { lifetimeSeconds: 1800 + 59 }),
      gclAu,
    ];
    states[3]!.snapshots[0]!.items = [consentCookie, cookie('_pk_ses.1.1f2e', { lifetimeSeconds: 7200 })];
    const findings = compare({ declaration: document, origin: ORIGIN, states });
    expect(findings.map((finding) => [finding.name, finding.subject])).toEqual([
      ['lifetime-exceeds-declaration', 'cookie _pk_id.1.1f2e (www.techtroopers.com)'],
      ['lifetime-exceeds-declaration', 'cookie _pk_ses.1.1f2e (www.techtroopers.com)'],
    ]);
    expect(findings[1]!.message).toBe(
      'cookie _pk_ses.1.1f2e (www.techtroopers.com) is kept for 2 hours, but the declaration says "30 minuter".',
    );
  });

  it('holds a session duration against a cookie that outlives the session, and lets session cookies be', () => {
    const sessionDeclaration = {
      ...document,
      entries: document.entries.map((entry) =>
        entry.name === 'cc_cookie' ? { ...entry, duration: 'Tills du stänger webbläsaren' } : entry,
      ),
    };
    const states = soundStates();
    states[2]!.snapshots[0]!.items.push(cookie('_pk_ses.2.abcd', { lifetimeSeconds: null }));
    const findings = compare({ declaration: sessionDeclaration, origin: ORIGIN, states });
    expect(findings.map((finding) => [finding.name, finding.subject, finding.states])).toEqual([
      [
        'lifetime-exceeds-declaration',
        'cookie cc_cookie (www.techtroopers.com)',
        ['refused', 'all', 'withdrawn-statistics'],
      ],
    ]);
  });

  it('names a party other than the declared one', () => {
    const states = soundStates();
    states[2]!.snapshots[0]!.items = [
      consentCookie,
      // Another site's cookie, declared as the site's own.
      cookie('_pk_id.1.1f2e', { where: '.matomo.example.net', party: 'third', lifetimeSeconds: 390 * DAY }),
      // Declared as Google's, but only the site's own code wrote it.
      cookie('_gcl_au', { lifetimeSeconds: 90 * DAY, writers: [`${ORIGIN}/_astro/app.js`] }),
      // Written by another company's script to the site's domain: as declared.
      cookie('_pk_ses.1.1f2e', { lifetimeSeconds: 1800, writers: [`${STANDINS}/matomo/matomo.js`] }),
    ];
    const findings = compare({ declaration: document, origin: ORIGIN, states });
    expect(findings.map((finding) => [finding.name, finding.subject])).toEqual([
      ['wrong-party', 'cookie _gcl_au (www.techtroopers.com)'],
      ['wrong-party', 'cookie _pk_id.1.1f2e (.matomo.example.net)'],
    ]);
  });

  it('names what survives withdrawal', () => {
    const states = soundStates();
    states[3]!.snapshots[1]!.items.push(matomoCookies[0]!);
    expect(names(states)).toEqual(['survives-withdrawal cookie _pk_id.1.1f2e (www.techtroopers.com)']);
  });

  it('names a tool called without consent, telling tools on a shared origin apart by URL', () => {
    const states = soundStates();
    const matomo = { url: `${STANDINS}/matomo/matomo.php?idsite=1&rec=1`, method: 'GET', type: 'image' };
    states[0]!.snapshots[0]!.requests.push(matomo);
    states[3]!.snapshots[1]!.requests.push(matomo, {
      url: `${STANDINS}/gtm.js?id=GTM-TEST`,
      method: 'GET',
      type: 'script',
    });
    const findings = compare({ declaration: document, origin: ORIGIN, states });
    expect(findings.map((finding) => [finding.name, finding.subject, finding.states])).toEqual([
      ['tool-request-without-consent', `Matomo at ${STANDINS}`, ['none', 'withdrawn-statistics']],
    ]);
    expect(findings[0]!.message).toContain(`(${STANDINS}/matomo/matomo.php)`);
  });

  it('warns of declared entries never seen, third parties that are not tools, and durations it cannot read', () => {
    const states = soundStates().slice(0, 2);
    states[1]!.snapshots[0]!.requests.push({
      url: 'https://fonts.example.org/font.woff2',
      method: 'GET',
      type: 'font',
    });
    const unreadable = {
      ...document,
      entries: document.entries.map((entry) =>
        entry.name === 'cc_cookie' ? { ...entry, duration: 'ett tag' } : entry,
      ),
    };
    const findings = compare({ declaration: unreadable, origin: ORIGIN, states });
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(findings.map((finding) => `${finding.name} ${finding.subject}`)).toEqual([
      'never-seen cookie _gcl_au',
      'never-seen cookie _pk_id.*',
      'never-seen cookie _pk_ses.*',
      'third-party-request https://fonts.example.org',
      'unreadable-duration cookie cc_cookie',
    ]);
  });

  it('gathers one finding over every state and page it appears in', () => {
    const states = soundStates();
    const extra = cookie('_x');
    states[2]!.snapshots.push(snapshot({ page: '/kontakt/', items: [consentCookie, extra] }));
    states[2]!.snapshots[0]!.items.push(extra);
    states[3]!.snapshots[1]!.items.push(extra);
    const [finding] = compare({ declaration: document, origin: ORIGIN, states });
    expect(finding).toMatchObject({
      name: 'undeclared',
      severity: 'error',
      state: 'all',
      states: ['all', 'withdrawn-statistics'],
      page: '/',
      pages: ['/', '/kontakt/'],
    });
  });
});

describe('parties and requests', () => {
  it('tells sites apart by registrable domain', () => {
    expect(siteOf('www.techtroopers.com')).toBe('techtroopers.com');
    expect(partyOf('.techtroopers.com', 'www.techtroopers.com')).toBe('first');
    expect(partyOf('matomo.techtroopers.com', 'techtroopers.com')).toBe('first');
    expect(partyOf('doubleclick.net', 'techtroopers.com')).toBe('third');
    expect(partyOf('127.0.0.1', 'localhost')).toBe('third');
    expect(partyOf('localhost', 'localhost')).toBe('first');
    // Browsers count github.io's subdomains as separate sites; so does the scan.
    expect(partyOf('a.github.io', 'b.github.io')).toBe('third');
  });

  it('knows the consent log from the tools on the same origin', () => {
    expect(classifyRequest(`${STANDINS}/consent-log`, document)).toEqual({ endpoint: 'Samtyckeslogg', tools: [] });
    expect(classifyRequest(`${STANDINS}/gtm.js?id=X`, document).tools.map((tool) => tool.id)).toEqual(['gtm']);
    expect(classifyRequest(`${STANDINS}/other`, document).tools.map((tool) => tool.id)).toEqual(['matomo', 'gtm']);
    expect(classifyRequest('https://elsewhere.example/', document)).toEqual({ tools: [] });
  });
});

describe('parseCookieText', () => {
  const now = Date.parse('2026-11-25T10:00:00Z') / 1000;

  it('reads the name, domain, path and lifetime a script writes', () => {
    expect(parseCookieText('_pk_ses.1.1f2e=1; path=/; max-age=1800; SameSite=Lax', now)).toEqual({
      name: '_pk_ses.1.1f2e',
      domain: null,
      path: '/',
      lifetimeSeconds: 1800,
      deletes: false,
    });
    expect(parseCookieText('a=b=c; Domain=.example.com; Path=/x; Expires=Wed, 25 Nov 2026 11:00:00 GMT', now)).toEqual({
      name: 'a',
      domain: 'example.com',
      path: '/x',
      lifetimeSeconds: 3600,
      deletes: false,
    });
    expect(parseCookieText('s=1', now).lifetimeSeconds).toBeNull();
  });

  it('knows a deletion from a write', () => {
    expect(parseCookieText('cc_cookie=; Max-Age=0; Path=/', now).deletes).toBe(true);
    expect(parseCookieText('x=; expires=Thu, 01 Jan 1970 00:00:00 GMT', now).deletes).toBe(true);
  });
});
