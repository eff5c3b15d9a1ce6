import { describe, expect, it } from 'vitest';
import { findPlaceholders, placeholderProblem } from '../../src/lib/placeholders';
import {
  compareRegisters,
  configuredSystems,
  uncoveredSystems,
  type ProcessingEntry,
} from '../../src/lib/privacy/register';
import { RIGHTS } from '../../src/lib/privacy/rights';
import { REQUEST_TYPES } from '../../src/lib/requests/catalogue';
import { policyVersionSchema } from '../../src/lib/schema/index.ts';

const entry = (overrides: Record<string, unknown> = {}) => ({
  purpose: 'Fakturera och bokföra',
  data: ['namn', 'fakturaadress'],
  subjects: ['kunder'],
  legalBasis: 'legal-obligation',
  law: 'bokföringslagen (1999:1078)',
  retention: 'Sju år.',
  recipients: [{ name: 'Vår revisor', role: 'controller' }],
  transfers: [],
  required: { mandatory: true, consequence: 'Utan dem kan vi inte fakturera.' },
  ...overrides,
});

const version = (processing: unknown[], extra: Record<string, unknown> = {}) => ({
  policy: 'integritetspolicy',
  effective: '2027-01-01',
  version: '2',
  summary: 'Ny version.',
  processing,
  ...extra,
});

/** The messages zod gives, each prefixed with its field path, as the build shows them. */
function problems(data: Record<string, unknown>): string[] {
  const result = policyVersionSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the processing register in the schema', () => {
  it('accepts a sound register and a data protection officer', () => {
    const parsed = policyVersionSchema.parse(
      version([entry(), entry({ purpose: 'Statistik', legalBasis: 'consent', law: undefined, tool: 'matomo' })], {
        dpo: { name: 'Dataskyddsombudet', email: 'dso@techtroopers.com' },
      }),
    );
    expect(parsed.processing).toHaveLength(2);
    expect(parsed.dpo?.email).toBe('dso@techtroopers.com');
  });

  it('accepts a list of tools and an entry whose data come from elsewhere', () => {
    expect(
      problems(version([entry({ required: undefined, source: 'SPAR.', tool: ['requestEmail', 'requestEndpoint'] })])),
    ).toEqual([]);
  });

  it('asks for the interest with legitimate interests, naming the entry and the field', () => {
    expect(problems(version([entry({ legalBasis: 'legitimate-interests', law: undefined })]))).toEqual([
      'processing.0.interest: "interest" is missing: with legalBasis legitimate-interests, say in Swedish what the interest is (purpose "Fakturera och bokföra")',
    ]);
  });

  it('asks for the law with a legal obligation', () => {
    expect(problems(version([entry({ law: undefined })]))).toEqual([
      'processing.0.law: "law" is missing: with legalBasis legal-obligation, name the law, such as bokföringslagen (1999:1078) (purpose "Fakturera och bokföra")',
    ]);
  });

  it('refuses an interest or a law that belongs to another legal basis', () => {
    expect(problems(version([entry({ legalBasis: 'contract', interest: 'x' })]))).toEqual([
      'processing.0.interest: "interest" belongs to legalBasis legitimate-interests, but this entry\'s legalBasis is contract (purpose "Fakturera och bokföra")',
      'processing.0.law: "law" belongs to legalBasis legal-obligation, but this entry\'s legalBasis is contract (purpose "Fakturera och bokföra")',
    ]);
  });

  it('asks whether the data must be provided, unless they come from elsewhere', () => {
    expect(problems(version([entry({ required: undefined })]))).toEqual([
      expect.stringMatching(/^processing\.0\.required: "required" is missing/),
    ]);
  });

  it.each([
    [
      'an unknown legal basis',
      { legalBasis: 'avtal' },
      /^processing\.0\.legalBasis: "legalBasis" must be one of consent, contract/,
    ],
    [
      'a recipient without a role',
      { recipients: [{ name: 'X' }] },
      /^processing\.0\.recipients\.0\.role: "role" is missing/,
    ],
    [
      'a transfer without a safeguard',
      { transfers: [{ country: 'USA' }] },
      /^processing\.0\.transfers\.0\.safeguard: "safeguard" is missing: write one of adequacy, data-privacy-framework, standard-contractual-clauses/,
    ],
    [
      'no recipients list',
      { recipients: undefined },
      /^processing\.0\.recipients: "recipients" must be a list of recipients; write \[\]/,
    ],
    ['empty data', { data: [] }, /^processing\.0\.data: "data" must list at least one/],
    ['an unknown tool', { tool: 'hotjar' }, /^processing\.0\.tool: "tool" must be one of matomo, gtm/],
    ['a misspelt field', { retension: 'x' }, /retension/],
  ])('refuses %s, naming the field', (_, overrides, message) => {
    expect(problems(version([entry(overrides)]))).toEqual([expect.stringMatching(message)]);
  });

  it('refuses two entries with one purpose', () => {
    expect(problems(version([entry(), entry()]))).toEqual([
      'processing.1.purpose: "purpose" "Fakturera och bokföra" is declared twice',
    ]);
  });

  it('refuses a register on the cookie policy', () => {
    expect(
      problems({
        ...version([entry()]),
        policy: 'cookiepolicy',
        categories: [{ id: 'necessary', title: 'Nödvändiga', description: 'Behövs.' }],
        cookies: [
          {
            name: 'cc_cookie',
            provider: 'Tech Troopers',
            party: 'first',
            purpose: 'Val.',
            duration: '6 månader',
            category: 'necessary',
          },
        ],
      }),
    ).toEqual(['processing: "processing" belongs to the privacy policy only']);
  });
});

describe('the register covers every configured system', () => {
  const statistics = { ...entry(), tool: 'matomo' } as ProcessingEntry;
  const requests = {
    ...entry({ purpose: 'Begäranden' }),
    tool: ['requestEmail', 'requestEndpoint'],
  } as ProcessingEntry;

  it('knows which systems a build has', () => {
    expect(configuredSystems({ tools: {}, consentLogUrl: undefined, contactEndpoint: undefined })).toEqual([
      'requestEmail',
    ]);
    expect(
      configuredSystems({
        tools: { matomo: { url: 'https://s/', siteId: '1' }, gtm: { id: 'GTM-X', scriptUrl: 'https://g/' } },
        consentLogUrl: 'https://log/',
        contactEndpoint: 'https://form/',
      }),
    ).toEqual(['matomo', 'gtm', 'consentLog', 'requestEndpoint', 'requestEmail']);
  });

  it('names each uncovered system', () => {
    expect(uncoveredSystems(['matomo', 'gtm', 'requestEmail', 'requestEndpoint'], [statistics, requests])).toEqual([
      "Google Tag Manager (PUBLIC_GTM_ID) processes personal data, but no entry of the privacy policy's processing register covers it (tool: gtm).",
    ]);
    expect(uncoveredSystems(['matomo', 'requestEmail'], [statistics, requests])).toEqual([]);
  });
});

describe('what a new version changes in the register', () => {
  it('lists entries added, removed and changed, by purpose', () => {
    const before = [
      entry(),
      entry({ purpose: 'Statistik', legalBasis: 'consent', law: undefined }),
    ] as ProcessingEntry[];
    const after = [
      entry({ retention: 'Tio år.', recipients: [] }),
      entry({ purpose: 'Kreditprövning', legalBasis: 'legitimate-interests', law: undefined, interest: 'x' }),
    ] as ProcessingEntry[];
    const changes = compareRegisters(before, after);
    expect(changes.added.map((item) => item.purpose)).toEqual(['Kreditprövning']);
    expect(changes.removed.map((item) => item.purpose)).toEqual(['Statistik']);
    expect(changes.changed.map(({ after: item, fields }) => [item.purpose, fields])).toEqual([
      ['Fakturera och bokföra', ['retention', 'recipients']],
    ]);
  });

  it('finds nothing between equal registers', () => {
    const register = [entry()] as ProcessingEntry[];
    expect(compareRegisters(register, structuredClone(register))).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('placeholders', () => {
  const text = 'summary: Ny.\nretention: "[FYLL I: hur länge]"\n\nText [FYLL I: vem] och [FYLL I: var].\n';

  it('are found with their lines', () => {
    expect(findPlaceholders(text)).toEqual([
      { line: 2, text: '[FYLL I: hur länge]' },
      { line: 4, text: '[FYLL I: vem]' },
      { line: 4, text: '[FYLL I: var]' },
    ]);
  });

  it('stop a version that is to be published, naming the file and every line', () => {
    expect(placeholderProblem('src/content/policies/integritetspolicy/2027-01-01.mdx', text)).toBe(
      [
        'src/content/policies/integritetspolicy/2027-01-01.mdx is not a draft, but it still holds 3 placeholders for facts only the company can supply:',
        '  src/content/policies/integritetspolicy/2027-01-01.mdx:2: [FYLL I: hur länge]',
        '  src/content/policies/integritetspolicy/2027-01-01.mdx:4: [FYLL I: vem]',
        '  src/content/policies/integritetspolicy/2027-01-01.mdx:4: [FYLL I: var]',
        'Replace each with the fact, or keep the version a draft (draft: true) until they are known.',
      ].join('\n'),
    );
    expect(placeholderProblem('x.mdx', 'Inga platshållare.')).toBeUndefined();
  });
});

describe('the rights catalogue', () => {
  it('has every right of art. 15–21, withdrawal and complaint, each with one plain sentence', () => {
    expect(RIGHTS.map((right) => right.article)).toEqual([
      'artikel 15',
      'artikel 16',
      'artikel 17',
      'artikel 18',
      'artikel 20',
      'artikel 21.1',
      'artikel 21.2–21.3',
      'artikel 7.3',
      'artikel 77',
    ]);
    for (const right of RIGHTS) expect(right.sentence).toMatch(/^[A-ZÅÄÖ][^]*\.$/);
  });

  it('links every request of the contact page from a right, and the rights to object stand apart', () => {
    expect(RIGHTS.flatMap((right) => right.request ?? []).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(RIGHTS.filter((right) => right.separate).map((right) => right.id)).toEqual(['objection', 'directMarketing']);
  });
});
