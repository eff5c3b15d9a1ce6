/**
 * The editor's commands for the record of published versions, run as an editor
 * runs them, on a copy of the real content.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/lib/publication/record';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const REAL_POLICIES = path.join(PROJECT_ROOT, 'src/content/policies');
const V1 = 'src/content/policies/integritetspolicy/2026-11-24.mdx';

const workDirs: string[] = [];
afterAll(async () => {
  await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A throwaway project root with a copy of the real policies at the default place. */
async function makeProject(): Promise<{ root: string; policies: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'policy-commands-'));
  workDirs.push(root);
  const policies = path.join(root, 'src/content/policies');
  await mkdir(policies, { recursive: true });
  await cp(REAL_POLICIES, policies, { recursive: true });
  return { root, policies };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(root: string, command: string, args: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  const { SITE_TODAY: _today, POLICIES_DIR: _dir, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(PROJECT_ROOT, `tools/policy/${command}.ts`), ...args],
      { cwd: root, env: { ...inherited, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const recordOf = async (policies: string) =>
  parseRecord(await readFile(path.join(policies, 'published.json'), 'utf8'), 'published.json');

/** A new version of the privacy policy: version 1's text under a new date, as policy:new would start it. */
async function newVersion(policies: string, date: string, edit: (text: string) => string = (text) => text) {
  const text = (await readFile(path.join(policies, 'integritetspolicy/2026-11-24.mdx'), 'utf8'))
    .replace('effective: 2026-11-24', `effective: ${date}`)
    .replace('version: "1"', 'version: "1.5"')
    .replace(/^summary: .*$/m, 'summary: Ny version.');
  await writeFile(path.join(policies, `integritetspolicy/${date}.mdx`), edit(text));
}

/** A register with one complete entry: what GDPR art. 13 asks of a new privacy policy version. */
const REGISTER = `processing:
  - purpose: Leverera de tjänster du köper av oss
    data: [namn]
    subjects: [kunder]
    legalBasis: contract
    retention: Så länge kundförhållandet varar.
    recipients: []
    transfers: []
    required:
      mandatory: true
      consequence: Utan uppgifterna kan vi inte leverera tjänsten.
`;

/**
 * Version 1's outdated passages rewritten to current law, with a processing
 * register, so that a new version made from it may be published.
 */
const currentLaw = (text: string) =>
  text
    .replace(/^summary: .*\n/m, `$&${REGISTER}`)
    .replace('## Personvern', '## Integritet')
    .replace('personuppgiftslagen (SFS 1998:204), kallad PuL i dagligt tal. PuL', 'dataskyddsförordningen (GDPR). Den')
    .replace(/ en gång per kalenderår/, '')
    .replace(
      'skriftligt och vara egenhändigt undertecknad av den sökande samt innehålla uppgift om namn och personnummer',
      'via e-post eller brev',
    )
    .replace('Tech Troopers AB, PuL, Kungsgatan 3', 'Tech Troopers AB, Kungsgatan 3');

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe.concurrent('npm run policy:publish', () => {
  it('records the new versions that are not drafts, prints what it recorded, and nothing else', async () => {
    const { root, policies } = await makeProject();
    const before = await recordOf(policies);
    await newVersion(policies, '2040-01-01', currentLaw);

    const result = await run(root, 'publish');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Recorded integritetspolicy version "1\.5", in force from 2040-01-01: src\/content\/policies\/integritetspolicy\/2040-01-01\.mdx \(SHA-256 [0-9a-f]{64}\)\.\nCommit src\/content\/policies\/published\.json with the version\.\n$/,
    );
    const after = await recordOf(policies);
    expect(after.versions.slice(0, before.versions.length)).toEqual(before.versions);
    expect(after.versions.map((entry) => entry.file)).toContain('integritetspolicy/2040-01-01.mdx');
    // The drafts of version 2 stay unrecorded.
    expect(after.versions.map((entry) => entry.file)).not.toContain('integritetspolicy/2027-01-01.mdx');

    expect((await run(root, 'publish')).stdout).toBe(
      'Every version that is not a draft is already recorded: nothing to do.\n',
    );
  });

  it('refuses a new version that cites personuppgiftslagen, naming file, line and rule, and writes nothing', async () => {
    const { root, policies } = await makeProject();
    const before = await readFile(path.join(policies, 'published.json'), 'utf8');
    await newVersion(policies, '2040-01-01');

    const result = await run(root, 'publish');

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^policy:publish: nothing was recorded\.\n\nsrc\/content\/policies\/integritetspolicy\/2040-01-01\.mdx is to be published, but it cites law or practice that is out of date:\n {2}src\/content\/policies\/integritetspolicy\/2040-01-01\.mdx:8: "Personvern" \(rule personvern\)/,
    );
    expect(result.stderr).toContain('"personuppgiftslagen (SFS 1998:204)" (rule personuppgiftslagen)');
    noStack(result.stderr);
    expect(await readFile(path.join(policies, 'published.json'), 'utf8')).toBe(before);
  });

  it('refuses while a published version has changed, and writes nothing', async () => {
    const { root, policies } = await makeProject();
    const before = await readFile(path.join(policies, 'published.json'), 'utf8');
    const file = path.join(policies, 'integritetspolicy/2026-11-24.mdx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('trygg', 'säker'));

    const result = await run(root, 'publish');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${V1} (version 1 of integritetspolicy, in force from 2026-11-24) has changed`);
    expect(await readFile(path.join(policies, 'published.json'), 'utf8')).toBe(before);
  });

  it.each([
    [
      'a record that is not JSON',
      '{"versions": [',
      /^policy:publish: src\/content\/policies\/published\.json is not valid JSON/,
    ],
    [
      'a record whose entries lack fields',
      '{"versions": [{"policy": "cookiepolicy"}]}',
      /^policy:publish: src\/content\/policies\/published\.json is not a valid record of published versions:\n {2}versions\[0\]\.effective: is missing/,
    ],
  ])('refuses %s, naming the file, and writes nothing', async (_, record, message) => {
    const { root, policies } = await makeProject();
    await writeFile(path.join(policies, 'published.json'), record);
    const result = await run(root, 'publish');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    noStack(result.stderr);
    expect(await readFile(path.join(policies, 'published.json'), 'utf8')).toBe(record);
  });

  it('refuses two records for one version', async () => {
    const { root, policies } = await makeProject();
    const record = await recordOf(policies);
    const doubled = JSON.stringify({ versions: [...record.versions, record.versions[0]] });
    await writeFile(path.join(policies, 'published.json'), doubled);
    const result = await run(root, 'publish');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('src/content/policies/published.json: cookiepolicy 2026-11-24 is recorded twice');
    expect(await readFile(path.join(policies, 'published.json'), 'utf8')).toBe(doubled);
  });
});

describe.concurrent('npm run policy:correct', () => {
  it('records a correction with the day and the note, after which the content keeps the record', async () => {
    const { root, policies } = await makeProject();
    const file = path.join(policies, 'integritetspolicy/2026-11-24.mdx');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('Tech Trooper kundtjänst', 'Tech Troopers kundtjänst'),
    );

    const result = await run(root, 'correct', [V1, '--note', 'Företagsnamnet stavas rätt.'], {
      SITE_TODAY: '2026-12-01',
    });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Recorded a correction to integritetspolicy version "1" (${V1}) on 2026-12-01: Företagsnamnet stavas rätt.`,
    );
    const entry = (await recordOf(policies)).versions.find((candidate) => candidate.file.startsWith('integritets'))!;
    expect(entry.corrections).toEqual([
      {
        date: '2026-12-01',
        note: 'Företagsnamnet stavas rätt.',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        recorded: expect.any(String),
      },
    ]);
    // Published again, nothing to record: the record is whole.
    expect((await run(root, 'publish')).code).toBe(0);
  });

  const cases: [string, (policies: string) => Promise<string[]>, RegExp][] = [
    ['an empty note', async () => [V1, '--note', ''], /--note must say what was corrected/],
    ['no note', async () => [V1], /--note is missing/],
    [
      'a draft',
      async () => ['src/content/policies/integritetspolicy/2027-01-01.mdx', '--note', 'Stavfel.'],
      /is a draft: nothing of it is published, so there is nothing to correct/,
    ],
    [
      'a version that is not recorded',
      async (policies) => {
        await newVersion(policies, '2040-01-01', currentLaw);
        return ['src/content/policies/integritetspolicy/2040-01-01.mdx', '--note', 'Stavfel.'];
      },
      /is not in the record of published versions, so there is nothing to correct/,
    ],
    [
      'a changed effective date',
      async (policies) => {
        const file = path.join(policies, 'integritetspolicy/2026-11-24.mdx');
        await writeFile(file, (await readFile(file, 'utf8')).replace('effective: 2026-11-24', 'effective: 2026-11-25'));
        return [V1, '--note', 'Stavfel.'];
      },
      /a correction can never change the date a version takes effect \(published as 2026-11-24, now 2026-11-25\)/,
    ],
    [
      'a changed version label',
      async (policies) => {
        const file = path.join(policies, 'integritetspolicy/2026-11-24.mdx');
        await writeFile(file, (await readFile(file, 'utf8')).replace('version: "1"', 'version: "1.1"'));
        return [V1, '--note', 'Stavfel.'];
      },
      /a correction can never change the version label \(published as "1", now "1\.1"\)/,
    ],
    ['a file that has not changed', async () => [V1, '--note', 'Stavfel.'], /has not changed since it was recorded/],
    ['a file that does not exist', async () => ['nowhere.mdx', '--note', 'Stavfel.'], /is not a version file/],
  ];

  it.each(cases)('refuses %s, and writes nothing', async (_, prepare, message) => {
    const { root, policies } = await makeProject();
    const args = await prepare(policies);
    const before = await readFile(path.join(policies, 'published.json'), 'utf8');
    const result = await run(root, 'correct', args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    noStack(result.stderr);
    expect(await readFile(path.join(policies, 'published.json'), 'utf8')).toBe(before);
  });
});

describe('npm run policy:check', () => {
  it('lists version 1’s findings on the real content, none in the version 2 drafts, and exits 0', async () => {
    const result = await run(PROJECT_ROOT, 'check');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `${V1} (integritetspolicy version 1, published and recorded: history, reported only)`,
    );
    for (const rule of ['personvern', 'personuppgiftslagen', 'access-once-a-year', 'signed-request', 'old-lek']) {
      expect(result.stdout).toContain(`(rule ${rule})`);
    }
    expect(result.stdout).toContain(`${V1}:22: "personuppgiftslagen (SFS 1998:204)" (rule personuppgiftslagen)`);
    expect(result.stdout).not.toContain('2027-01-01.mdx');
    expect(result.stdout).toMatch(/\n4 versions checked: \d+ findings reported, 0 refused\.\n$/);
  });

  it('reports each rule on a sentence, whatever its case, and a phrase wrapped over two lines; not a sentence that explains the change', async () => {
    const { root, policies } = await makeProject();
    const sentences = [
      'Uppgifterna förs till USA enligt Safe Harbor.',
      'Google är certifierat enligt EU-US PRIVACY SHIELD.',
      'Genom att fortsätta surfa på webbplatsen godkänner du cookies.',
      'Om din webbläsare tillåter cookies samtycker du till dem.',
      'Vi följer direktiv 95/46/EG.',
      'Kontakta vårt personuppgiftsombud.',
      'Enligt Artikel 29-gruppens riktlinjer.',
      'Klaga hos datainspektionen.',
      'Enligt 6 kap. 18 § lagen om elektronisk kommunikation.',
      'Enligt Personuppgiftslagen (PUL) och personuppgiftslagens regler.',
      'Begäran ska vara egenhändigt\nundertecknad.',
      // Explaining the change, and a yearly newsletter: nothing to report.
      'Personuppgiftslagen har ersatts av dataskyddsförordningen.',
      'Vi skickar nyhetsbrevet en gång per år.',
    ];
    await writeFile(
      path.join(policies, 'integritetspolicy/2040-01-01.mdx'),
      `---\npolicy: integritetspolicy\neffective: 2040-01-01\nversion: "3"\nsummary: Ny.\ndraft: true\n---\n\n${sentences.join('\n\n')}\n`,
    );
    const result = await run(root, 'check');
    expect(result.code).toBe(0);
    const file = 'src/content/policies/integritetspolicy/2040-01-01.mdx';
    const reported = [...result.stdout.matchAll(new RegExp(`${file}:(\\d+): "([^"]+)" \\(rule ([\\w-]+)\\)`, 'g'))].map(
      ([, line, phrase, rule]) => `${line} ${rule}: ${phrase}`,
    );
    expect(reported).toEqual([
      '9 safe-harbor: Safe Harbor',
      '11 privacy-shield: EU-US PRIVACY SHIELD',
      '13 implied-consent: Genom att fortsätta surfa på webbplatsen godkänner',
      '15 browser-settings-consent: samtycker du',
      '17 directive-95-46: direktiv 95/46/EG',
      '19 personuppgiftsombud: personuppgiftsombud',
      '21 article-29-working-party: Artikel 29-gruppens',
      '23 datainspektionen: datainspektionen',
      '25 old-lek: 6 kap. 18 §',
      '27 personuppgiftslagen: Personuppgiftslagen (PUL)',
      '27 personuppgiftslagen: personuppgiftslagens',
      '29 signed-request: egenhändigt undertecknad',
    ]);
    // Each new rule says why, what to write instead and where that is established.
    expect(result.stdout).toContain('Source: https://curia.europa.eu/juris/liste.jsf?num=C-311/18');
    expect(result.stdout).toContain('Source: https://curia.europa.eu/juris/liste.jsf?num=C-673/17');
  });

  it('refuses a new privacy policy version without a legal basis for a purpose, or with Matomo configured and no consent entry for it', async () => {
    const { root, policies } = await makeProject();
    await newVersion(policies, '2040-01-01', (text) => currentLaw(text).replace('    legalBasis: contract\n', ''));
    const withoutBasis = await run(root, 'check');
    expect(withoutBasis.code).toBe(1);
    expect(withoutBasis.stdout).toContain(
      '- the legal basis for "Leverera de tjänster du köper av oss" (art. 13(1)(c)): set legalBasis to one of',
    );
    // With its legal basis it gives everything art. 13 asks for (it is refused only as not yet recorded).
    await newVersion(policies, '2040-01-01', currentLaw);
    expect((await run(root, 'check')).stdout).not.toContain('does not give everything GDPR art. 13 asks for');
    const matomo = { PUBLIC_MATOMO_URL: 'https://stats.example.com/', PUBLIC_MATOMO_SITE_ID: '1' };
    const withMatomo = await run(root, 'check', [], matomo);
    expect(withMatomo.code).toBe(1);
    expect(withMatomo.stdout).toContain(
      '- consent (art. 6(1)(a)) as the legal basis for Matomo, which is configured and sets cookies that are not strictly necessary: add a register entry with tool: matomo and legalBasis: consent',
    );
  }, 60_000);

  it('exits 1 only when something would be refused', async () => {
    const { root, policies } = await makeProject();
    await newVersion(policies, '2040-01-01');
    const result = await run(root, 'check');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'integritetspolicy/2040-01-01.mdx (integritetspolicy version 1.5, not a draft and not yet recorded: must have no findings)',
    );
    expect(result.stdout).toContain('Refused:');
  });
});

describe.concurrent('the commands’ command line', () => {
  it.each([
    ['publish', ['--force'], 'policy:publish: unknown option "--force": the only option is --help.'],
    ['check', ['extra'], 'policy:check: unexpected argument "extra": npm run policy:check takes no arguments.'],
    ['correct', [V1, '--note', 'Ett.', '--note', 'Två.'], 'policy:correct: --note is given twice: give it once.'],
    ['correct', [V1, '--note'], 'policy:correct: --note needs a value.'],
  ])('%s refuses %j, saying so and where the usage is, and writes nothing', async (command, args, message) => {
    const { root, policies } = await makeProject();
    const before = await readFile(path.join(policies, 'published.json'), 'utf8');
    const result = await run(root, command, args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\nRun "npm run policy:${command} -- --help" for usage.\n`);
    expect(await readFile(path.join(policies, 'published.json'), 'utf8')).toBe(before);
  });
});
