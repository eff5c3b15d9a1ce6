import { describe, expect, it } from 'vitest';
import { countChangedBlocks, getChangesPageData, summarizeDiff, type ComparedVersion } from '#lib/changes.ts';
import type { CookieDeclaration } from '#lib/consent/declaration.ts';
import type { ProcessingEntry } from '#lib/privacy/register.ts';
import { diffTextBlocks, toTextBlocks } from '#lib/textDiff.ts';
import type { TimelineItem } from '#lib/versions.ts';

const declaration: CookieDeclaration = {
  categories: [{ id: 'necessary', title: 'Nödvändiga', description: 'Behövs för att webbplatsen ska fungera.' }],
  cookies: [
    {
      name: 'cc_cookie',
      provider: 'Tech Troopers AB',
      party: 'first',
      purpose: 'Sparar ditt val.',
      duration: '6 månader',
      category: 'necessary',
    },
  ],
};

const entry: ProcessingEntry = {
  purpose: 'Besvara frågor',
  data: ['namn', 'e-postadress'],
  subjects: ['den som kontaktar oss'],
  legalBasis: 'legitimate-interests',
  interest: 'Att kunna svara.',
  retention: '12 månader',
  recipients: [],
  transfers: [],
};

function version(effective: string, body: string, extra: Partial<ComparedVersion> = {}): ComparedVersion {
  return {
    policy: 'integritetspolicy',
    effective,
    draft: false,
    source: `src/content/policies/integritetspolicy/${effective}.mdx`,
    entry: { body },
    ...extra,
  };
}

function item(previous: ComparedVersion | undefined, current: ComparedVersion): TimelineItem<ComparedVersion> {
  return { version: current, previous, next: undefined, status: 'current' };
}

describe('getChangesPageData', () => {
  it('compares the text with the version before it and counts what changed', () => {
    const before = version('2026-11-24', '## Rubrik\n\nEtt stycke.\n\nVi loggar IP-nummer.');
    const after = version('2027-01-01', '## Rubrik\n\nEtt stycke.\n\nVi loggar inga IP-nummer alls.');
    const data = getChangesPageData(item(before, after));
    expect(data.version).toBe(after);
    expect(data.previous).toBe(before);
    expect(data.status).toBe('current');
    expect(data.changedBlocks).toBe(1);
    expect(data.diff.addedWords).toBe(2);
    expect(data.summary).toBe('1 stycke har ändrats: 2 ord har lagts till och 0 ord har tagits bort.');
  });

  it('says when only the version details changed', () => {
    const data = getChangesPageData(item(version('2026-11-24', 'Samma.'), version('2027-01-01', 'Samma.')));
    expect(data.changedBlocks).toBe(0);
    expect(data.summary).toBe('Texten är oförändrad; ändringen gäller bara versionens uppgifter.');
  });

  it('pairs the declarations only where both versions declare categories and cookies', () => {
    const withDeclaration = { ...declaration, policy: 'cookiepolicy' as const };
    const both = getChangesPageData(
      item(version('2026-11-24', 'A.', withDeclaration), version('2027-01-01', 'A.', withDeclaration)),
    );
    expect(both.declarations).toEqual({ before: declaration, after: declaration });
    const onlyOne = getChangesPageData(
      item(
        version('2026-11-24', 'A.', { categories: declaration.categories }),
        version('2027-01-01', 'A.', declaration),
      ),
    );
    expect(onlyOne.declarations).toBeUndefined();
  });

  it('pairs the registers where either version has one, a missing one as empty', () => {
    const added = getChangesPageData(
      item(version('2026-11-24', 'A.'), version('2027-01-01', 'A.', { processing: [entry] })),
    );
    expect(added.registers).toEqual({ before: [], after: [entry] });
    const none = getChangesPageData(item(version('2026-11-24', 'A.'), version('2027-01-01', 'A.')));
    expect(none.registers).toBeUndefined();
  });

  it('refuses a first version, which has no changes page', () => {
    expect(() => getChangesPageData(item(undefined, version('2026-11-24', 'A.')))).toThrow(/first version/);
  });
});

describe('summarizeDiff', () => {
  it('counts several blocks in the plural', () => {
    const diff = diffTextBlocks(toTextBlocks('Ett.\n\nTvå.'), toTextBlocks('Ett nytt.\n\nTvå nya.\n\nTre.'));
    expect(countChangedBlocks(diff)).toBe(3);
    expect(summarizeDiff(diff)).toMatch(
      /^3 stycken har ändrats: \d+ ord har lagts till och \d+ ord har tagits bort\.$/,
    );
  });
});
