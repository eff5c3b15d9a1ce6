import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/lib/frontmatter';
import { findPlaceholders, placeholderProblem } from '../../src/lib/placeholders';
import {
  compareRegisters,
  configuredSystems,
  describeRecipient,
  describeTransfer,
  offersSafeguardCopy,
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

  it('accepts a joint controller with the essence of the arrangement, and a fallback safeguard', () => {
    expect(
      problems(
        version([
          entry({
            recipients: [{ name: 'Google Ireland Limited', role: 'joint-controller', arrangement: 'Vi informerar.' }],
            transfers: [
              { country: 'USA', safeguard: 'data-privacy-framework', fallback: 'standard-contractual-clauses' },
            ],
          }),
        ]),
      ),
    ).toEqual([]);
  });

  it('asks a joint controller for the essence of the arrangement (art. 26(2)), and refuses it on another role', () => {
    expect(problems(version([entry({ recipients: [{ name: 'Google', role: 'joint-controller' }] })]))).toEqual([
      'processing.0.recipients.0.arrangement: "arrangement" is missing: with role joint-controller, say in Swedish what the essence of the arrangement is (GDPR art. 26(2)) (purpose "Fakturera och bokföra")',
    ]);
    expect(
      problems(version([entry({ recipients: [{ name: 'Vår revisor', role: 'controller', arrangement: 'x' }] })])),
    ).toEqual([
      'processing.0.recipients.0.arrangement: "arrangement" belongs to role joint-controller, but this recipient\'s role is controller (purpose "Fakturera och bokföra")',
    ]);
  });

  it('refuses a fallback safeguard that is the safeguard itself', () => {
    expect(
      problems(version([entry({ transfers: [{ country: 'USA', safeguard: 'adequacy', fallback: 'adequacy' }] })])),
    ).toEqual([
      'processing.0.transfers.0.fallback: "fallback" is the safeguard itself (adequacy): name another one, or leave it out (purpose "Fakturera och bokföra")',
    ]);
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

describe('recipients and transfers as the register shows them', () => {
  it('names each recipient with its role in Swedish, a joint controller with the arrangement', () => {
    expect(describeRecipient({ name: 'Vår revisor', role: 'controller' })).toBe(
      'Vår revisor: självständigt personuppgiftsansvarig',
    );
    expect(describeRecipient({ name: 'Fortnox AB', role: 'processor' })).toBe(
      'Fortnox AB: personuppgiftsbiträde, som behandlar uppgifterna för vår räkning',
    );
    expect(
      describeRecipient({ name: 'Google', role: 'joint-controller', arrangement: 'Vi informerar besökarna.' }),
    ).toBe(
      'Google: gemensamt personuppgiftsansvarig med oss (artikel 26). Det väsentliga i arrangemanget mellan oss: Vi informerar besökarna.',
    );
  });

  it('names the safeguard and the fallback, and offers a copy of standard contractual clauses (art. 13(1)(f))', () => {
    const transfer = {
      country: 'USA',
      recipient: 'Google LLC',
      safeguard: 'data-privacy-framework',
      fallback: 'standard-contractual-clauses',
    } as const;
    expect(describeTransfer(transfer)).toBe(
      'USA (Google LLC), med stöd av EU–US Data Privacy Framework, EU-kommissionens beslut om adekvat skyddsnivå av den 10 juli 2023 (artikel 45); skulle det upphöra att gälla, med stöd av EU-kommissionens standardavtalsklausuler (artikel 46.2 c)',
    );
    expect(describeTransfer({ country: 'Kanada', safeguard: 'adequacy' })).toBe(
      'Kanada, med stöd av EU-kommissionens beslut om adekvat skyddsnivå (artikel 45)',
    );
    expect(offersSafeguardCopy([transfer])).toBe(true);
    expect(offersSafeguardCopy([{ country: 'USA', safeguard: 'standard-contractual-clauses' }])).toBe(true);
    expect(offersSafeguardCopy([{ country: 'USA', safeguard: 'data-privacy-framework' }])).toBe(false);
    expect(offersSafeguardCopy([])).toBe(false);
  });
});

describe('the version 2 draft of the privacy policy', () => {
  const file = resolve(import.meta.dirname, '../../src/content/policies/integritetspolicy/2027-01-01.mdx');
  const text = readFileSync(file, 'utf8');
  const draft = policyVersionSchema.parse(readFrontmatter(text));
  const register = (draft.policy === 'integritetspolicy' && draft.processing) || [];
  const byPurpose = (purpose: string) => register.find((item) => item.purpose === purpose)!;

  it('is still a draft, with the facts only the company knows left as placeholders', () => {
    expect(draft.draft).toBe(true);
    expect(findPlaceholders(text).length).toBeGreaterThan(0);
  });

  it('keeps the consent log on legitimate interests, to be able to show consent (art. 7(1)), refusals included', () => {
    const log = byPurpose('Kunna visa vad du har samtyckt till');
    expect(log.legalBasis).toBe('legitimate-interests');
    expect(log.interest).toMatch(/artikel 7\.1/);
    expect(log.interest).toMatch(/avvisat/);
    expect(log.retention).toMatch(/schemalagda rensningen/);
    expect(`${log.data.join(' ')} ${log.retention}`).not.toMatch(/webbläsarens (?:fullständiga )?namn/);
  });

  it('gives each recipient its role: the auditor an independent controller, Google a joint controller with an arrangement', () => {
    const auditor = byPurpose('Fakturera och bokföra').recipients.find((recipient) => /revisor/.test(recipient.name));
    expect(auditor?.role).toBe('controller');
    const ads = byPurpose('Mäta och rikta annonser');
    const joint = ads.recipients.find((recipient) => recipient.role === 'joint-controller');
    expect(joint?.name).toMatch(/^Google Ireland Limited/);
    expect(joint?.arrangement).toMatch(/^\[FYLL I: /);
    expect(ads.transfers).toEqual([
      expect.objectContaining({ safeguard: 'data-privacy-framework', fallback: 'standard-contractual-clauses' }),
    ]);
  });

  it('rests marketing on legitimate interests only for the company’s own services to customers, and other marketing on consent', () => {
    const marketing = register.filter((item) => /marknadsföring/i.test(item.purpose));
    expect(marketing.map((item) => [item.purpose, item.legalBasis])).toEqual([
      ['Direktmarknadsföring av våra egna tjänster till kunder', 'legitimate-interests'],
      ['Annan direktmarknadsföring, med ditt samtycke', 'consent'],
    ]);
    expect(marketing[0]!.interest).toMatch(/19 § andra stycket marknadsföringslagen/);
    expect(text).not.toMatch(/lämnas ut till företag som vi samarbetar med/);
  });

  it('says whether data must be provided with "required", never with a source naming the customer relationship', () => {
    for (const item of register) expect(item.source ?? '').not.toMatch(/kundförhållande/);
    expect(byPurpose('Analyser av verksamheten och utveckling av våra tjänster').required?.mandatory).toBe(false);
  });

  it('names the sources as placeholders, SPAR through a processor, and the credit check’s legitimate need', () => {
    const spar = byPurpose('Hålla kundernas adresser aktuella');
    expect(spar.source).toMatch(/SPAR\), genom \[FYLL I: /);
    expect(spar.recipients).toEqual([expect.objectContaining({ role: 'processor' })]);
    const credit = byPurpose('Kreditprövning innan vi ingår avtal');
    expect(credit.interest).toMatch(/legitimt behov .* kreditupplysningslagen \(1973:1173\)/);
    expect(credit.automatedDecisions).toMatch(/^\[FYLL I: .*artikel 22\.2 a.*\] .*artikel 22\.3/);
    expect(text).not.toMatch(/till exempel med adressuppdatering/);
    expect(text).toMatch(/3 kap\. 10 § dataskyddslagen/);
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
