import { describe, expect, it } from 'vitest';
import { checkPublication, type CheckedVersion } from '../../src/lib/publication/refusals';
import { art13Gaps, describeFinding, LAW_RULES, lawFindings } from '../../src/lib/publication/lawRules';
import {
  correct,
  currentHash,
  parseRecord,
  publish,
  recordProblems,
  RecordError,
  serializeRecord,
  sha256,
  type PublicationRecord,
} from '../../src/lib/publication/record';

const NOW = new Date('2026-11-25T10:00:00Z');
const options = {
  recordSource: 'policies/published.json',
  sourceOf: (file: string) => `policies/${file}`,
};

function version(file: string, text: string, overrides: Partial<CheckedVersion> = {}): CheckedVersion {
  const [policy, name] = file.split('/') as ['integritetspolicy' | 'cookiepolicy', string];
  return {
    file,
    source: `policies/${file}`,
    policy,
    effective: name.slice(0, 10),
    version: '1',
    draft: false,
    text,
    sha256: sha256(text),
    ...overrides,
  };
}

const v1 = version('integritetspolicy/2026-11-24.mdx', '---\nsummary: Ett.\n---\n\nText.\n');
const recorded = (): PublicationRecord => publish({ versions: [] }, [v1], NOW).record;
const kinds = (record: PublicationRecord, files: CheckedVersion[], existedBefore?: (file: string) => boolean) =>
  recordProblems(record, files, { ...options, ...(existedBefore ? { existedBefore } : {}) }).map(({ kind }) => kind);

describe('the record of published versions', () => {
  it('records a version with its hash and time, and reads back what it wrote', () => {
    const record = recorded();
    expect(record.versions).toEqual([
      {
        policy: 'integritetspolicy',
        effective: '2026-11-24',
        version: '1',
        file: 'integritetspolicy/2026-11-24.mdx',
        sha256: sha256(v1.text),
        recorded: '2026-11-25T10:00:00.000Z',
        corrections: [],
      },
    ]);
    expect(parseRecord(serializeRecord(record), 'x')).toEqual(record);
  });

  it('hashes the text with its line endings made \\n, so a Windows checkout has the same hash', () => {
    expect(sha256('a\r\nb\r\n')).toBe(sha256('a\nb\n'));
    expect(sha256('a\nb\n')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is kept by content that matches it', () => {
    expect(kinds(recorded(), [v1])).toEqual([]);
  });

  it('finds a version that is not a draft and not recorded, and leaves drafts alone', () => {
    const v2 = version('integritetspolicy/2027-01-01.mdx', 'ny', { version: '2' });
    expect(kinds(recorded(), [v1, v2])).toEqual(['unrecorded']);
    expect(kinds(recorded(), [v1, { ...v2, draft: true }])).toEqual([]);
    const [problem] = recordProblems(recorded(), [v1, v2], options);
    expect(problem!.message).toBe(
      'policies/integritetspolicy/2027-01-01.mdx (version 2 of integritetspolicy, in force from 2027-01-01) is not a draft, but it is not in the record of published versions, policies/published.json. Check it with "npm run policy:check" and record it with "npm run policy:publish" as the last step before merging, or keep it a draft (draft: true).',
    );
  });

  it('finds a recorded version whose file changed, and says what to do', () => {
    const changed = version(v1.file, v1.text.replace('Text.', 'Texten.'));
    const [problem] = recordProblems(recorded(), [changed], options);
    expect(problem!.kind).toBe('changed');
    expect(problem!.message).toMatch(
      /^policies\/integritetspolicy\/2026-11-24\.mdx \(version 1 of integritetspolicy, in force from 2026-11-24\) has changed since it was published: its SHA-256 is [0-9a-f]{12}…, the record says [0-9a-f]{12}…\. A published version stays as it was published\. To change the policy, undo the edit and publish a new version: npm run policy:new -- integritetspolicy\. To fix a typo or a broken link in this version, record a correction: npm run policy:correct -- policies\/integritetspolicy\/2026-11-24\.mdx --note "what was corrected"\.$/,
    );
  });

  it('finds a recorded file that is gone, or never existed, and one that became a draft again', () => {
    expect(kinds(recorded(), [])).toEqual(['gone']);
    expect(kinds(recorded(), [], () => false)).toEqual(['never-existed']);
    expect(recordProblems(recorded(), [], { ...options, existedBefore: () => false })[0]!.message).toBe(
      'policies/published.json: the entry for integritetspolicy/2026-11-24.mdx (version 1 of integritetspolicy, in force from 2026-11-24) names a file that never existed. Remove that entry: only versions that were published belong in the record.',
    );
    expect(kinds(recorded(), [{ ...v1, draft: true }])).toEqual(['draft-again']);
  });

  it('finds two records for one version', () => {
    const record = recorded();
    expect(kinds({ versions: [...record.versions, ...record.versions] }, [v1])).toEqual(['duplicate']);
  });

  it.each([
    [
      'not JSON',
      '{ versions: [',
      /^x\.json is not valid JSON \(.+\)\. It records every published version: restore it from git/,
    ],
    [
      'an entry without its hash',
      JSON.stringify({ versions: [{ ...recorded().versions[0], sha256: undefined }] }),
      /^x\.json is not a valid record of published versions:\n {2}versions\[0\]\.sha256: is missing\n/,
    ],
    [
      'an entry with a malformed date',
      JSON.stringify({ versions: [{ ...recorded().versions[0], effective: '24/11/2026' }] }),
      /versions\[0\]\.effective: must be a date written YYYY-MM-DD/,
    ],
    ['no list of versions', '{}', /versions: is missing/],
  ])('refuses a record that is %s, naming the file', (_, text, message) => {
    expect(() => parseRecord(text, 'x.json')).toThrow(RecordError);
    expect(() => parseRecord(text, 'x.json')).toThrow(message);
  });
});

describe('corrections', () => {
  const fixed = version(v1.file, v1.text.replace('Text.', 'Texten.'));
  const today = '2026-12-01';

  it('record the new hash and the note with the day, and keep the content in step with the record', () => {
    const { record, correction } = correct(recorded(), fixed, ' Ett stavfel har rättats. ', { today, now: NOW });
    expect(correction).toEqual({
      date: today,
      note: 'Ett stavfel har rättats.',
      sha256: fixed.sha256,
      recorded: NOW.toISOString(),
    });
    expect(currentHash(record.versions[0]!)).toBe(fixed.sha256);
    expect(recordProblems(record, [fixed], options)).toEqual([]);
    // The hash as first published stays, with every correction after it.
    expect(record.versions[0]!.sha256).toBe(v1.sha256);
  });

  it.each([
    ['an empty note', fixed, '  ', /--note must say what was corrected/],
    ['a note of two lines', fixed, 'Ett.\nTvå.', /--note must be a single line/],
    ['a draft', { ...fixed, draft: true }, 'Stavfel.', /is a draft: nothing of it is published/],
    [
      'a version not recorded',
      { ...fixed, file: 'integritetspolicy/2027-01-01.mdx', effective: '2027-01-01' },
      'Stavfel.',
      /is not in the record of published versions, so there is nothing to correct/,
    ],
    [
      'a changed effective date',
      { ...fixed, effective: '2026-11-25' },
      'Stavfel.',
      /a correction can never change the date a version takes effect \(published as 2026-11-24, now 2026-11-25\)/,
    ],
    [
      'a changed version label',
      { ...fixed, version: '1.1' },
      'Stavfel.',
      /a correction can never change the version label \(published as "1", now "1\.1"\)/,
    ],
    ['a file that has not changed', v1, 'Stavfel.', /has not changed since it was recorded/],
  ])('refuse %s', (_, file, note, message) => {
    expect(() => correct(recorded(), file, note, { today, now: NOW })).toThrow(message);
  });
});

describe('the current-law rules', () => {
  const examples: Record<string, [positive: string, phrase: string, negative: string]> = {
    personuppgiftslagen: [
      'Behandlingen sker enligt personuppgiftslagen (SFS 1998:204).',
      'personuppgiftslagen (SFS 1998:204)',
      'Behandlingen sker enligt dataskyddsförordningen och dataskyddslagen.',
    ],
    'old-lek': [
      'Enligt lagen om elektronisk kommunikation som trädde i kraft den 1 juli 2011 ska alla informeras.',
      'lagen om elektronisk kommunikation som trädde i kraft den 1 juli 2011',
      'Enligt 9 kap. 28 § lagen (2022:482) om elektronisk kommunikation ska alla informeras.',
    ],
    datainspektionen: ['Klaga hos Datainspektionen.', 'Datainspektionen', 'Klaga hos Integritetsskyddsmyndigheten.'],
    'access-once-a-year': [
      'Du har rätt att kostnadsfritt en gång per kalenderår få information.',
      'en gång per kalenderår',
      'Du har rätt att kostnadsfritt få information.',
    ],
    'signed-request': [
      'Begäran ska vara egenhändigt undertecknad av den sökande.',
      'egenhändigt undertecknad',
      'Begäran kan göras via e-post eller brev.',
    ],
    personvern: ['## Personvern', 'Personvern', '## Integritet'],
    'safe-harbor': [
      'Uppgifterna förs till USA enligt Safe Harbor.',
      'Safe Harbor',
      'Uppgifterna förs till USA enligt EU–US Data Privacy Framework.',
    ],
    'privacy-shield': [
      'Google är certifierat enligt EU-US Privacy Shield.',
      'EU-US Privacy Shield',
      'Google är certifierat enligt EU–US Data Privacy Framework.',
    ],
    'implied-consent': [
      'Genom att fortsätta surfa på webbplatsen godkänner du att vi använder cookies.',
      'Genom att fortsätta surfa på webbplatsen godkänner',
      'Vi frågar om ditt samtycke innan vi använder cookies som inte är nödvändiga.',
    ],
    'browser-settings-consent': [
      'Om din webbläsare tillåter cookies samtycker du till att vi använder dem.',
      'samtycker du',
      'Du kan också blockera eller radera cookies i din webbläsare.',
    ],
    'directive-95-46': [
      'Vi följer direktiv 95/46/EG om skydd för personuppgifter.',
      'direktiv 95/46/EG',
      'Vi följer dataskyddsförordningen (EU) 2016/679.',
    ],
    personuppgiftsombud: [
      'Kontakta vårt personuppgiftsombud.',
      'personuppgiftsombud',
      'Kontakta vårt dataskyddsombud.',
    ],
    'article-29-working-party': [
      'Enligt Artikel 29-gruppens riktlinjer räcker det.',
      'Artikel 29-gruppens',
      'Enligt Europeiska dataskyddsstyrelsens riktlinjer räcker det.',
    ],
  };

  it('has an example for every rule in the catalogue', () => {
    expect(Object.keys(examples).sort()).toEqual(LAW_RULES.map((rule) => rule.id).sort());
  });

  for (const rule of LAW_RULES) {
    it(`${rule.id}: finds its phrase at its line, says why and what instead, and leaves current law alone`, () => {
      const [positive, phrase, negative] = examples[rule.id]!;
      const text = `---\npolicy: integritetspolicy\n---\n\nFörsta stycket.\n\n${positive}\n`;
      const found = lawFindings(text, [rule]);
      expect(found.map(({ line, phrase: matched }) => [line, matched])).toEqual([[7, phrase]]);
      expect(rule.why).not.toBe('');
      expect(rule.instead).not.toBe('');
      expect(rule.source).toMatch(/^https:\/\//);
      expect(lawFindings(`---\npolicy: integritetspolicy\n---\n\n${negative}\n`, [rule])).toEqual([]);
    });
  }

  it('matches whatever the case and inflection', () => {
    const phrases = (text: string) => lawFindings(`---\n---\n${text}\n`).map(({ rule, phrase }) => [rule.id, phrase]);
    expect(phrases('Personuppgiftslagen (PUL) gäller.')).toEqual([
      ['personuppgiftslagen', 'Personuppgiftslagen (PUL)'],
    ]);
    expect(phrases('Enligt personuppgiftslagens regler och pul.')).toEqual([
      ['personuppgiftslagen', 'personuppgiftslagens'],
      ['personuppgiftslagen', 'pul'],
    ]);
    expect(phrases('Klaga hos DATAINSPEKTIONEN eller Datainspektionens kontor.')).toEqual([
      ['datainspektionen', 'DATAINSPEKTIONEN'],
      ['datainspektionen', 'Datainspektionens'],
    ]);
    expect(phrases('Enligt 6 kap. 18 § lagen om elektronisk kommunikation.')).toEqual([['old-lek', '6 kap. 18 §']]);
    // A longer word that merely contains the letters is not the phrase.
    expect(phrases('Ett populärt pulver.')).toEqual([]);
  });

  it('catches a phrase wrapped over two lines, at the line where it starts, but not one split by a blank line', () => {
    const found = lawFindings('---\n---\nBegäran ska vara egenhändigt\nundertecknad av den sökande.\n');
    expect(found.map(({ rule, line, phrase }) => [rule.id, line, phrase])).toEqual([
      ['signed-request', 3, 'egenhändigt undertecknad'],
    ]);
    expect(lawFindings('---\n---\nGenom att fortsätta\nsurfa godkänner du cookies.\n')).toHaveLength(1);
    expect(lawFindings('---\n---\nSkriv egenhändigt\n\nUndertecknad av\n')).toEqual([]);
  });

  it('leaves alone sentences that explain the change, and "en gång per år" where access is not meant', () => {
    for (const explaining of [
      'Personuppgiftslagen har ersatts av dataskyddsförordningen.',
      'Personuppgiftslagen (PuL) upphävdes 2018.',
      'Integritetsskyddsmyndigheten, som tidigare hette Datainspektionen, är tillsynsmyndighet.',
      'EU-US Privacy Shield ogiltigförklarades av EU-domstolen 2020.',
      'Vi skickar nyhetsbrevet en gång per år.',
      'Du kan begära registerutdrag utan begränsning till en gång per år.',
    ]) {
      expect(lawFindings(`---\n---\nFörsta meningen. ${explaining} Sista meningen.\n`), explaining).toEqual([]);
    }
    // "Tidigare" explains only a name's change, not any sentence that uses the word.
    expect(lawFindings('---\n---\nSom vi tidigare nämnt följer vi PuL.\n').map(({ phrase }) => phrase)).toEqual([
      'PuL',
    ]);
    // The explanation is the sentence's own: the next sentence still cites the old law.
    expect(
      lawFindings('---\n---\nPersonuppgiftslagen har ersatts. Vi följer personuppgiftslagen.\n').map(
        ({ phrase }) => phrase,
      ),
    ).toEqual(['personuppgiftslagen']);
    expect(lawFindings('---\n---\nDu får registerutdrag en gång per år.\n').map(({ rule }) => rule.id)).toEqual([
      'access-once-a-year',
    ]);
  });

  it('leaves the summary and change items alone, which may name what was replaced', () => {
    const text = [
      '---',
      'summary: Personuppgiftslagen ersätts av dataskyddsförordningen.',
      'changes:',
      '  - Hänvisningen till personuppgiftslagen tas bort.',
      'processing:',
      '  - purpose: Enligt personuppgiftslagen',
      '---',
      '',
      'Text.',
    ].join('\n');
    expect(lawFindings(text).map(({ line }) => line)).toEqual([6]);
  });

  it('describes a finding with file, line, phrase, why, what instead and the source', () => {
    const [finding] = lawFindings('---\n---\nSe personuppgiftslagen.\n');
    expect(describeFinding('a.mdx', finding!)).toBe(
      [
        'a.mdx:3: "personuppgiftslagen" (rule personuppgiftslagen)',
        `    Why: ${finding!.rule.why}`,
        `    Write instead: ${finding!.rule.instead}`,
        `    Source: ${finding!.rule.source}`,
      ].join('\n'),
    );
  });
});

describe('what a build, policy:publish and policy:check hold versions to', () => {
  const old = version('integritetspolicy/2026-11-24.mdx', '---\n---\nEnligt personuppgiftslagen.\n');
  const record = publish({ versions: [] }, [old], NOW).record;
  const fresh = version('integritetspolicy/2027-01-01.mdx', '---\n---\nEnligt personuppgiftslagen.\n', {
    version: '2',
  });

  it('reports findings in published versions and drafts, and never refuses them', () => {
    const { refusals, findings } = checkPublication([old, { ...fresh, draft: true }], record, options, { tools: {} });
    expect(refusals).toEqual([]);
    expect(findings.map(({ standing, findings: found }) => [standing, found.length])).toEqual([
      ['recorded', 1],
      ['draft', 1],
    ]);
  });

  it('refuses a new version that cites old law, naming file, line and rule', () => {
    const { refusals } = checkPublication([old, fresh], record, options, { tools: {} });
    // Without a register it lacks art. 13's elements too.
    expect(refusals.map(({ kind }) => kind)).toEqual(['unrecorded', 'law', 'art13']);
    expect(refusals[1]!.message).toMatch(
      /^policies\/integritetspolicy\/2027-01-01\.mdx is to be published, but it cites law or practice that is out of date:\n {2}policies\/integritetspolicy\/2027-01-01\.mdx:3: "personuppgiftslagen" \(rule personuppgiftslagen\)/,
    );
  });

  it('refuses a new version with a placeholder', () => {
    const draft = version('integritetspolicy/2027-01-01.mdx', '---\n---\nSparas i [FYLL I: antal] år.\n');
    expect(checkPublication([old, draft], record, options, { tools: {} }).refusals.map(({ kind }) => kind)).toEqual([
      'unrecorded',
      'art13',
      'placeholder',
    ]);
  });
});

describe('the art. 13 check of a privacy policy version', () => {
  const controller = { name: 'Tech Troopers AB', orgNr: '556971-4966', email: 'a@b.se', address: 'Gatan 1' };
  const entry = {
    purpose: 'X',
    data: ['namn'],
    subjects: ['kunder'],
    legalBasis: 'consent',
    retention: 'Ett år.',
    recipients: [],
    transfers: [],
    required: { mandatory: false, consequence: 'Inget händer.' },
  };
  const matomo = { ...entry, purpose: 'Statistik', tool: 'matomo' };
  const tools = { matomo: { url: 'https://stats.example/', siteId: '1' } };
  const gaps = (processing: unknown, withTools = {}) =>
    art13Gaps({ controller, frontmatter: { processing }, tools: withTools });

  it('finds nothing missing in a complete one', () => {
    expect(gaps([entry])).toEqual([]);
    expect(gaps([entry, matomo], tools)).toEqual([]);
  });

  it('names a missing controller, and a version without a register', () => {
    expect(art13Gaps({ controller: { ...controller, orgNr: '' }, frontmatter: {} })).toEqual([
      "the controller's identity and contact details (art. 13(1)(a)): complete site in src/site.config.ts",
      expect.stringMatching(/^the purposes and their legal bases \(art\. 13\(1\)\(c\)\).*add a processing register/),
    ]);
  });

  it('names each element an entry lacks, by its purpose', () => {
    const { legalBasis: _basis, ...withoutBasis } = entry;
    expect(gaps([withoutBasis])).toEqual([
      'the legal basis for "X" (art. 13(1)(c)): set legalBasis to one of consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests',
    ]);
    expect(gaps([{ ...entry, retention: ' ' }])).toEqual(['how long the data are kept, for "X" (art. 13(2)(a))']);
    expect(gaps([{ ...entry, legalBasis: 'legitimate-interests' }])).toEqual([
      'the legitimate interest pursued for "X" (art. 13(1)(d)): set interest',
    ]);
    const { recipients: _r, transfers: _t, required: _q, ...bare } = entry;
    expect(gaps([bare])).toEqual([
      'the recipients for "X" (art. 13(1)(e)): list them, or write recipients: []',
      'whether data for "X" leave the EU/EEA (art. 13(1)(f)): list the transfers, or write transfers: []',
      'whether the data for "X" must be provided, and what follows if not (art. 13(2)(e)): set required',
    ]);
    // Data from elsewhere (art. 14) name their source instead.
    expect(gaps([{ ...bare, recipients: [], transfers: [], source: 'SPAR.' }])).toEqual([]);
    expect(gaps([{ ...entry, transfers: [{ country: 'USA', safeguard: 'safe-harbor' }] }])).toEqual([
      'the safeguard for each transfer of "X" (art. 13(1)(f))',
    ]);
  });

  it('asks consent as the basis of every configured tool whose cookies are not strictly necessary', () => {
    const consentNeeded =
      'consent (art. 6(1)(a)) as the legal basis for Matomo, which is configured and sets cookies that are not strictly necessary: add a register entry with tool: matomo and legalBasis: consent';
    expect(gaps([entry], tools)).toEqual([consentNeeded]);
    expect(gaps([entry, { ...matomo, legalBasis: 'legitimate-interests', interest: 'Statistik.' }], tools)).toEqual([
      consentNeeded,
    ]);
    expect(gaps([entry, { ...matomo, tool: ['matomo', 'gtm'] }], tools)).toEqual([]);
    // Not configured, not asked for.
    expect(gaps([entry])).toEqual([]);
  });

  it('refuses a new privacy policy version that lacks an element, and only reports a recorded one or a draft', () => {
    const text = '---\npolicy: integritetspolicy\n---\nText.\n';
    const old = version('integritetspolicy/2026-11-24.mdx', text);
    const record = publish({ versions: [] }, [old], NOW).record;
    const fresh = version('integritetspolicy/2027-01-01.mdx', text, { version: '2' });
    const { refusals, findings } = checkPublication([old, fresh], record, options, { tools: {}, controller });
    expect(refusals.map(({ kind }) => kind)).toEqual(['unrecorded', 'art13']);
    expect(refusals[1]!.message).toMatch(
      /^policies\/integritetspolicy\/2027-01-01\.mdx is to be published, but it does not give everything GDPR art\. 13 asks for:\n {2}- the purposes and their legal bases/,
    );
    expect(findings.map(({ art13 }) => art13.length)).toEqual([1, 1]);
    const asDraft = checkPublication([old, { ...fresh, draft: true }], record, options, { tools: {}, controller });
    expect(asDraft.refusals).toEqual([]);
  });
});
