import { describe, expect, it } from 'vitest';
import type { PolicyId } from '../../src/lib/policyCatalog';
import { assertUniqueDates, buildTimeline, publishedVersions, type VersionLike } from '../../src/lib/versions';

const v = (effective: string, extra: Partial<VersionLike> = {}): VersionLike => ({
  policy: 'integritetspolicy',
  effective,
  draft: false,
  source: `src/content/policies/integritetspolicy/${effective}.mdx`,
  ...extra,
});

const dates = (items: { version: VersionLike }[]) => items.map((item) => item.version.effective);

describe('buildTimeline', () => {
  const versions = [v('2027-06-01'), v('2026-11-24'), v('2027-01-15')];

  it('orders versions newest first whatever the input order', () => {
    const timeline = buildTimeline('integritetspolicy', versions, '2027-03-01');
    expect(dates(timeline.items)).toEqual(['2027-06-01', '2027-01-15', '2026-11-24']);
  });

  it('makes the latest version dated on or before today current, later ones upcoming, earlier ones previous', () => {
    const timeline = buildTimeline('integritetspolicy', versions, '2027-03-01');
    expect(timeline.current.version.effective).toBe('2027-01-15');
    expect(timeline.items.map((item) => item.status)).toEqual(['upcoming', 'current', 'previous']);
    expect(dates(timeline.upcoming)).toEqual(['2027-06-01']);
  });

  it('puts a version in force on its own date, not the day after', () => {
    expect(buildTimeline('integritetspolicy', versions, '2027-06-01').current.version.effective).toBe('2027-06-01');
    expect(buildTimeline('integritetspolicy', versions, '2027-05-31').current.version.effective).toBe('2027-01-15');
  });

  it('lists several upcoming versions soonest first', () => {
    const timeline = buildTimeline('integritetspolicy', versions, '2026-12-01');
    expect(timeline.current.version.effective).toBe('2026-11-24');
    expect(dates(timeline.upcoming)).toEqual(['2027-01-15', '2027-06-01']);
  });

  it('links each version to the one before and after it', () => {
    const timeline = buildTimeline('integritetspolicy', versions, '2027-03-01');
    const [newest, middle, oldest] = timeline.items;
    expect(middle?.previous?.effective).toBe('2026-11-24');
    expect(middle?.next?.effective).toBe('2027-06-01');
    expect(oldest?.previous).toBeUndefined();
    expect(newest?.next).toBeUndefined();
  });

  it('keeps to the policy asked for', () => {
    const mixed = [...versions, v('2027-02-01', { policy: 'cookiepolicy' as PolicyId })];
    const cookies = buildTimeline('cookiepolicy', mixed, '2027-03-01');
    expect(dates(cookies.items)).toEqual(['2027-02-01']);
  });

  it('refuses a policy with no version in force yet, naming its earliest file', () => {
    expect(() => buildTimeline('integritetspolicy', versions, '2026-11-23')).toThrow(
      /integritetspolicy has no version in force on 2026-11-23.*2026-11-24\.mdx.*takes effect 2026-11-24/,
    );
  });

  it('refuses a policy without versions', () => {
    expect(() => buildTimeline('cookiepolicy', versions, '2027-03-01')).toThrow(/cookiepolicy has no versions/);
  });

  it('refuses two versions on the same date', () => {
    expect(() =>
      buildTimeline('integritetspolicy', [...versions, v('2027-01-15', { source: 'other.mdx' })], '2027-03-01'),
    ).toThrow(/other\.mdx: "effective" 2027-01-15 is already the date of .*2027-01-15\.mdx/);
  });
});

describe('assertUniqueDates', () => {
  it('allows the same date in two different policies', () => {
    expect(() => assertUniqueDates([v('2026-11-24'), v('2026-11-24', { policy: 'cookiepolicy' })])).not.toThrow();
  });

  it('counts drafts, since a colliding draft would collide once published', () => {
    expect(() => assertUniqueDates([v('2026-11-24'), v('2026-11-24', { draft: true, source: 'draft.mdx' })])).toThrow(
      /draft\.mdx/,
    );
  });
});

describe('publishedVersions', () => {
  const all = [v('2026-11-24'), v('2027-02-01', { draft: true })];

  it('drops drafts from production builds', () => {
    expect(dates(publishedVersions(all, false).map((version) => ({ version })))).toEqual(['2026-11-24']);
  });

  it('keeps drafts for the dev preview', () => {
    expect(publishedVersions(all, true)).toHaveLength(2);
  });

  it('lets a draft become current in the preview when its date has come', () => {
    const timeline = buildTimeline('integritetspolicy', publishedVersions(all, true), '2027-03-01');
    expect(timeline.current.version.draft).toBe(true);
  });
});
