/**
 * The build itself refuses bad content, naming the file and the field, and
 * publishes nothing. Each case builds a copy of the real content with one
 * mistake in it, the way an editor would make it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuildSync, projectCopy } from '../harness/astroBuild.ts';
import { writePublishedDrafts } from '../harness/contentSets.ts';
import { parseRecord, RECORD_FILE, serializeRecord, sha256 } from '../../src/lib/publication/record';

const root = resolve(import.meta.dirname, '../..');
const realVersion = join(root, 'src/content/policies/cookiepolicy/2026-11-24.mdx');

function buildWith(
  edit: (dir: string) => void,
  env: Record<string, string> = {},
  drafts: 'as-drafts' | 'published' = 'as-drafts',
  /** After the published drafts are recorded: to take one out of the record again, as a version not yet published. */
  afterRecord: (dir: string) => void = () => {},
  /** The project to build: the real one, or a copy with an edit (see `projectCopy`). */
  project: string = root,
) {
  const work = mkdtempSync(join(tmpdir(), 'policy-build-'));
  const content = join(work, 'content');
  if (drafts === 'published') {
    writePublishedDrafts(content, edit);
    afterRecord(content);
  } else {
    cpSync(join(root, 'src/content/policies'), content, { recursive: true });
    edit(content);
  }
  const outDir = join(work, 'dist');
  const result = astroBuildSync(
    {
      POLICIES_DIR: content,
      ASTRO_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(work, 'cache'),
      SITE_TODAY: '2026-11-24',
      ...env,
    },
    project,
  );
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    published: existsSync(join(outDir, 'index.html')),
  };
}

/** Takes a version out of the record again: as if it were about to be published for the first time. */
const unrecord = (file: string) => (dir: string) => {
  const record = parseRecord(readFileSync(join(dir, RECORD_FILE), 'utf8'), RECORD_FILE);
  const kept = record.versions.filter((entry) => entry.file !== file);
  expect(kept).toHaveLength(record.versions.length - 1);
  writeFileSync(join(dir, RECORD_FILE), serializeRecord({ ...record, versions: kept }));
};

/** Every tool and channel configured, as on the v2-filled test site. */
const ALL_TOOLS = {
  SITE_TODAY: '2027-01-01',
  PUBLIC_MATOMO_URL: 'https://stats.techtroopers.com/',
  PUBLIC_MATOMO_SITE_ID: '1',
  PUBLIC_GTM_ID: 'GTM-TEST123',
  PUBLIC_CONSENT_LOG_URL: 'https://samtycke.techtroopers.com/samtycke',
};

/** Rewrites one frontmatter line of the real cookie policy version 1 in the copied content. */
const withFrontmatter =
  (from: RegExp, to: string, file = 'cookiepolicy/2026-11-24.mdx') =>
  (dir: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(from);
    writeFileSync(path, text.replace(from, to));
  };

/** Cookie policy version 1 moved to `date`, and recorded so: as if it had been published for that day. */
const publishedFor = (date: string) => (dir: string) => {
  const text = readFileSync(join(dir, 'cookiepolicy/2026-11-24.mdx'), 'utf8').replace(
    /^effective: .*$/m,
    `effective: ${date}`,
  );
  rmSync(join(dir, 'cookiepolicy/2026-11-24.mdx'));
  writeFileSync(join(dir, `cookiepolicy/${date}.mdx`), text);
  const record = parseRecord(readFileSync(join(dir, RECORD_FILE), 'utf8'), RECORD_FILE);
  for (const entry of record.versions) {
    if (entry.file === 'cookiepolicy/2026-11-24.mdx') {
      Object.assign(entry, { file: `cookiepolicy/${date}.mdx`, effective: date, sha256: sha256(text) });
    }
  }
  writeFileSync(join(dir, RECORD_FILE), serializeRecord(record));
};

// Room for waiting while another test's build holds .astro/ (tests/harness/astroBuild.ts).
describe('astro build with bad content', { timeout: 180_000 }, () => {
  it.each([
    [
      'a missing date',
      withFrontmatter(/^effective: .*\n/m, ''),
      /policies → cookiepolicy\/2026-11-24 [\s\S]*"effective" is missing[\s\S]*Location:\s+\S*cookiepolicy\/2026-11-24\.mdx/,
    ],
    [
      'a malformed date',
      withFrontmatter(/^effective: .*$/m, 'effective: 24/11/2026'),
      /policies → cookiepolicy\/2026-11-24 [\s\S]*"effective" must be a real date[\s\S]*Location:\s+\S*cookiepolicy\/2026-11-24\.mdx/,
    ],
    [
      'an impossible date that YAML would silently move to the next month',
      withFrontmatter(/^effective: .*$/m, 'effective: 2026-11-31'),
      /cookiepolicy\/2026-11-24\.mdx: "effective" must be a real date written YYYY-MM-DD \(like 2026-11-24\), got "2026-11-31"/,
    ],
    [
      'an empty summary',
      withFrontmatter(/^summary: .*$/m, 'summary: ""'),
      /policies → cookiepolicy\/2026-11-24 [\s\S]*"summary" must not be empty[\s\S]*Location:\s+\S*cookiepolicy\/2026-11-24\.mdx/,
    ],
    [
      'an unknown policy',
      withFrontmatter(/^policy: .*$/m, 'policy: sekretesspolicy'),
      /policies → cookiepolicy\/2026-11-24 [\s\S]*"policy" must be one of integritetspolicy, cookiepolicy, got "sekretesspolicy"[\s\S]*Location:\s+\S*cookiepolicy\/2026-11-24\.mdx/,
    ],
    [
      'a date that is not the one in the file name',
      withFrontmatter(/^effective: .*$/m, 'effective: 2026-11-25'),
      /cookiepolicy\/2026-11-24\.mdx: "effective" must be a real date written YYYY-MM-DD \(like 2026-11-24\), got "2026-11-25", and the same date as the file's name/,
    ],
    [
      'a file not named for its date',
      (dir: string) => writeFileSync(join(dir, 'cookiepolicy/kopia.mdx'), readFileSync(realVersion)),
      /cookiepolicy\/kopia\.mdx: "effective" must be a real date written YYYY-MM-DD \(like 2026-11-24\), got "2026-11-24", and the same date as the file's name/,
    ],
    [
      'two versions of one policy on the same date',
      (dir: string) => {
        // A copy of the folder left inside the content: each file named for its date, one date twice.
        mkdirSync(join(dir, 'kopia/cookiepolicy'), { recursive: true });
        writeFileSync(join(dir, 'kopia/cookiepolicy/2026-11-24.mdx'), readFileSync(realVersion));
      },
      /cookiepolicy\/(kopia|2026-11-24)\.mdx: "effective" 2026-11-24 is already the date of .*cookiepolicy\/(kopia|2026-11-24)\.mdx/,
    ],
    [
      'a policy with no version in force',
      publishedFor('2026-12-01'),
      /cookiepolicy has no version in force on 2026-11-24: its earliest version, .*cookiepolicy\/2026-12-01\.mdx, takes effect 2026-12-01/,
    ],
  ])('refuses %s, naming the file and the field, and publishes nothing', (_, edit, message) => {
    const { status, output, published } = buildWith(edit);
    expect(status).not.toBe(0);
    expect(output).toMatch(message);
    expect(published).toBe(false);
  });

  it('refuses a configured tool that sets a cookie the cookie policy in force does not declare, naming the cookie', () => {
    // As if version 1 had been published without it, and recorded so.
    const dropPkRef = (dir: string) => {
      const path = join(dir, 'cookiepolicy/2026-11-24.mdx');
      const text = readFileSync(path, 'utf8');
      const withoutRef = text.replace(/ {2}- name: _pk_ref\.\*\n( {4}.*\n)+/, '');
      expect(withoutRef).not.toBe(text);
      writeFileSync(path, withoutRef);
      const record = parseRecord(readFileSync(join(dir, RECORD_FILE), 'utf8'), RECORD_FILE);
      for (const entry of record.versions)
        if (entry.file === 'cookiepolicy/2026-11-24.mdx') entry.sha256 = sha256(withoutRef);
      writeFileSync(join(dir, RECORD_FILE), serializeRecord(record));
    };
    const { status, output, published } = buildWith(dropPkRef, {
      PUBLIC_MATOMO_URL: 'https://stats.techtroopers.com/',
      PUBLIC_MATOMO_SITE_ID: '1',
      PUBLIC_CONSENT_PROOF_ELSEWHERE: 'true',
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /Matomo sets the cookie "_pk_ref\.\*", which the cookie policy in force does not declare\.\nDeclare it in the cookie policy in force, \S*cookiepolicy\/2026-11-24\.mdx/,
    );
    expect(published).toBe(false);
    // Without Matomo configured, the same content builds: nothing sets that cookie.
    expect(buildWith(dropPkRef).status).toBe(0);
  });

  it('refuses a version to be published that still holds a placeholder, naming the file and the line', () => {
    const publish = withFrontmatter(/^draft: true$/m, 'draft: false', 'integritetspolicy/2027-01-01.mdx');
    const { status, output, published } = buildWith(publish, { SITE_TODAY: '2027-01-01' });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /integritetspolicy\/2027-01-01\.mdx is not a draft, but it still holds \d+ placeholders for facts only the company can supply:\n {2}\S*integritetspolicy\/2027-01-01\.mdx:\d+: \[FYLL I: /,
    );
    expect(published).toBe(false);
  });

  it('refuses a register entry that lacks what its legal basis needs, naming the file, the entry and the field', () => {
    const dropInterest = withFrontmatter(
      /^ {4}interest: att bedöma om du kan betala.*\n/m,
      '',
      'integritetspolicy/2027-01-01.mdx',
    );
    const { status, output, published } = buildWith(dropInterest);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /policies → integritetspolicy\/2027-01-01 [\s\S]*processing\.2\.interest: "interest" is missing: with legalBasis legitimate-interests[\s\S]*\(purpose "Kreditprövning innan vi ingår avtal"\)/,
    );
    expect(published).toBe(false);
  });

  it('refuses a configured tool that the register of the privacy policy in force does not cover, naming the tool and the file', () => {
    const uncover = withFrontmatter(/^ {4}tool: gtm\n/m, '', 'integritetspolicy/2027-01-01.mdx');
    const tools = {
      SITE_TODAY: '2027-01-01',
      PUBLIC_GTM_ID: 'GTM-TEST123',
      PUBLIC_CONSENT_PROOF_ELSEWHERE: 'true',
    };
    const { status, output, published } = buildWith(uncover, tools, 'published');
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /Google Tag Manager \(PUBLIC_GTM_ID\) processes personal data, but no entry of the privacy policy's processing register covers it \(tool: gtm\)\.\nAdd an entry with that "tool" to the processing register of the privacy policy in force, \S*integritetspolicy\/2027-01-01\.mdx/,
    );
    expect(published).toBe(false);
    // Without Tag Manager configured, the same content builds: nothing sends data to Google.
    expect(buildWith(uncover, { SITE_TODAY: '2027-01-01' }, 'published').status).toBe(0);
  });

  it('refuses a published version changed by one character, saying what happened and what to do', () => {
    const { status, output, published } = buildWith((dir) => {
      const path = join(dir, 'integritetspolicy/2026-11-24.mdx');
      writeFileSync(path, readFileSync(path, 'utf8').replace('trygg', 'Trygg'));
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /\S*integritetspolicy\/2026-11-24\.mdx \(version 1 of integritetspolicy, in force from 2026-11-24\) has changed since it was published: its SHA-256 is [0-9a-f]{12}…, the record says [0-9a-f]{12}…\. A published version stays as it was published\. To change the policy, undo the edit and publish a new version: npm run policy:new -- integritetspolicy\. To fix a typo or a broken link in this version, record a correction: npm run policy:correct -- \S*integritetspolicy\/2026-11-24\.mdx --note "what was corrected"\./,
    );
    expect(published).toBe(false);
  });

  it('refuses a published version that is gone, or has become a draft again', () => {
    // Version 2, published, is in force then, so that only the record misses version 1.
    const gone = buildWith(
      (dir) => rmSync(join(dir, 'cookiepolicy/2026-11-24.mdx')),
      { SITE_TODAY: '2027-01-01' },
      'published',
    );
    expect(gone.status).not.toBe(0);
    expect(gone.output).toMatch(
      /cookiepolicy\/2026-11-24\.mdx \(version 1 of cookiepolicy, in force from 2026-11-24\) is recorded as published, but the file is gone\./,
    );
    const drafted = buildWith(
      withFrontmatter(/^summary: .*$/m, '$&\ndraft: true'),
      { SITE_TODAY: '2027-01-01' },
      'published',
    );
    expect(drafted.status).not.toBe(0);
    expect(drafted.output).toMatch(
      /cookiepolicy\/2026-11-24\.mdx \(version 1 of cookiepolicy, in force from 2026-11-24\) is recorded as published but is marked "draft: true" again/,
    );
  });

  it('names a published version that is gone even when it was its policy’s only one, not just the policy left without one', () => {
    const { status, output, published } = buildWith((dir) => rmSync(join(dir, 'integritetspolicy/2026-11-24.mdx')));
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /integritetspolicy\/2026-11-24\.mdx \(version 1 of integritetspolicy, in force from 2026-11-24\) is recorded as published, but the file is gone\./,
    );
    expect(output).not.toMatch(/integritetspolicy has no versions/);
    expect(published).toBe(false);
  });

  it('refuses a new version that cites personuppgiftslagen, naming file, line and rule; the same version as a draft builds', () => {
    const citing = (draft: boolean) => (dir: string) => {
      const text = readFileSync(join(dir, 'integritetspolicy/2026-11-24.mdx'), 'utf8')
        .replace(/^effective: .*$/m, 'effective: 2026-11-25')
        .replace(/^summary: .*$/m, `summary: Ny version.${draft ? '\ndraft: true' : ''}`);
      writeFileSync(join(dir, 'integritetspolicy/2026-11-25.mdx'), text);
    };
    const refused = buildWith(citing(false), { SITE_TODAY: '2026-11-25' });
    expect(refused.status).not.toBe(0);
    expect(refused.output).toMatch(
      /integritetspolicy\/2026-11-25\.mdx is to be published, but it cites law or practice that is out of date:\n {2}\S*integritetspolicy\/2026-11-25\.mdx:\d+: "Personvern" \(rule personvern\)/,
    );
    expect(refused.output).toMatch(
      /2026-11-25\.mdx:\d+: "personuppgiftslagen \(SFS 1998:204\)" \(rule personuppgiftslagen\)/,
    );
    expect(refused.published).toBe(false);
    expect(buildWith(citing(true), { SITE_TODAY: '2026-11-25' }).status).toBe(0);
  });

  it('refuses a site whose own text cites an old law or an invalid safeguard, naming the page and the text, and publishes nothing', () => {
    // A copy of the project with one component's text changed, as a developer would change it.
    const project = projectCopy((copy) => {
      const footer = join(copy, 'src/components/SiteFooter.astro');
      const text = readFileSync(footer, 'utf8');
      const edited = text.replace(
        /<\/footer>\s*$/,
        '<p>Tech Troopers AB, PuL. Överföringar sker enligt EU-US Privacy Shield.</p>\n</footer>\n',
      );
      expect(edited).not.toBe(text);
      writeFileSync(footer, edited);
    });
    try {
      const { status, output, published } = buildWith(() => {}, {}, 'as-drafts', undefined, project);
      expect(status).not.toBe(0);
      expect(output).toMatch(
        /The site's own text cites law or practice that is out of date[^\n]*\n {2}404\.html: "PuL" \(rule personuppgiftslagen\) in "Tech Troopers AB, PuL\. Överföringar sker enligt EU-US Privacy Shield\."/,
      );
      expect(output).toContain(
        'kontakt/index.html: "EU-US Privacy Shield" (rule privacy-shield) in "Tech Troopers AB, PuL. Överföringar sker enligt EU-US Privacy Shield."',
      );
      expect(output).toContain('index.html: "PuL" (rule personuppgiftslagen)');
      expect(published).toBe(false);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 150_000);

  it('refuses a new privacy policy version with a purpose without a legal basis, naming the entry and the field', () => {
    const dropBasis = withFrontmatter(
      /(purpose: Kundservice, support och reklamationer\n(?: {4,}.*\n)*?) {4}legalBasis: contract\n/,
      '$1',
      'integritetspolicy/2027-01-01.mdx',
    );
    const { status, output, published } = buildWith(
      dropBasis,
      ALL_TOOLS,
      'published',
      unrecord('integritetspolicy/2027-01-01.mdx'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /policies → integritetspolicy\/2027-01-01 [\s\S]*processing\.\d+\.legalBasis: "legalBasis" is missing: write one of consent, contract/,
    );
    expect(published).toBe(false);
  }, 150_000);

  it('refuses a new privacy policy version when Matomo is configured and no register entry rests on consent for it', () => {
    const statisticsOnInterest = withFrontmatter(
      /(purpose: Besöksstatistik på webbplatsen\n(?: {4,}.*\n)*?) {4}legalBasis: consent\n/,
      '$1    legalBasis: legitimate-interests\n    interest: att förstå hur webbplatsen används.\n',
      'integritetspolicy/2027-01-01.mdx',
    );
    const unpublished = unrecord('integritetspolicy/2027-01-01.mdx');
    const { status, output, published } = buildWith(statisticsOnInterest, ALL_TOOLS, 'published', unpublished);
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /\S*integritetspolicy\/2027-01-01\.mdx is to be published, but it does not give everything GDPR art\. 13 asks for:\n {2}- consent \(art\. 6\(1\)\(a\)\) as the legal basis for Matomo, which is configured and sets cookies that are not strictly necessary: add a register entry with tool: matomo and legalBasis: consent\n/,
    );
    expect(published).toBe(false);
    // Without Matomo, the same version lacks nothing art. 13 asks (it is refused only as not yet recorded).
    const { PUBLIC_MATOMO_URL: _url, PUBLIC_MATOMO_SITE_ID: _site, ...withoutMatomo } = ALL_TOOLS;
    const without = buildWith(statisticsOnInterest, withoutMatomo, 'published', unpublished);
    expect(without.output).toContain('integritetspolicy/2027-01-01.mdx (version 2 of integritetspolicy');
    expect(without.output).not.toContain('does not give everything GDPR art. 13 asks for');
  }, 150_000);

  it('holds the version 2 drafts, published with their placeholders filled and every tool configured, to art. 13 and finds nothing missing', () => {
    const unpublished = unrecord('integritetspolicy/2027-01-01.mdx');
    const { output } = buildWith(() => {}, ALL_TOOLS, 'published', unpublished);
    expect(output).toContain('integritetspolicy/2027-01-01.mdx (version 2 of integritetspolicy');
    expect(output).not.toContain('does not give everything GDPR art. 13 asks for');
    // Recorded, as the v2-filled test site has them, they build.
    expect(buildWith(() => {}, ALL_TOOLS, 'published').status).toBe(0);
  }, 150_000);

  it('builds the real content (the cases above fail for their mistake alone)', () => {
    const { status, published } = buildWith(() => {});
    expect(status).toBe(0);
    expect(published).toBe(true);
  });
});
