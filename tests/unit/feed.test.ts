import { describe, expect, it } from 'vitest';
import { feedItems, type FeedVersion } from '#lib/feed.ts';
import type { TimelineItem } from '#lib/versions.ts';

function version(effective: string, extra: Partial<FeedVersion> = {}): FeedVersion {
  return {
    policy: 'integritetspolicy',
    effective,
    draft: false,
    source: `src/content/policies/integritetspolicy/${effective}.mdx`,
    version: '1',
    summary: 'Första versionen.',
    changes: [],
    material: false,
    corrections: [],
    ...extra,
  };
}

const first = version('2026-11-24');
const second = version('2027-01-01', {
  version: '2',
  summary: 'Ny mottagare.',
  changes: ['Fortnox tar emot fakturor.'],
  material: true,
  corrections: [
    { date: '2027-01-10', note: 'En trasig länk.', sha256: 'a'.repeat(64), recorded: '2027-01-10T09:00:00Z' },
    { date: '2027-01-12', note: 'Ett stavfel.', sha256: 'b'.repeat(64), recorded: '2027-01-12T09:00:00Z' },
  ],
});
const changelog: TimelineItem<FeedVersion>[] = [
  { version: second, previous: first, next: undefined, status: 'upcoming' },
  { version: first, previous: undefined, next: second, status: 'current' },
];

describe('feedItems', () => {
  const items = feedItems(changelog, 'https://techtroopers.com', 50);

  it('lists versions and corrections newest first', () => {
    expect(items.map((item) => item.title)).toEqual([
      'Integritetspolicy, version 2 rättad (12 januari 2027)',
      'Integritetspolicy, version 2 rättad (10 januari 2027)',
      'Integritetspolicy, version 2 (gäller från 1 januari 2027)',
      'Integritetspolicy, version 1 (från 24 november 2026)',
    ]);
  });

  it('links a version to its changes, or a first version to itself', () => {
    expect(items[2]).toMatchObject({
      link: '/integritetspolicy/versioner/2027-01-01/andringar/',
      description: 'Ny mottagare. Fortnox tar emot fakturor.',
      categories: ['Integritetspolicy', 'Väsentlig ändring'],
      pubDate: new Date('2027-01-01T00:00:00Z'),
    });
    expect(items[3]).toMatchObject({
      link: '/integritetspolicy/versioner/2026-11-24/',
      categories: ['Integritetspolicy'],
    });
  });

  it('gives each correction of a page an identity of its own', () => {
    expect(items[0]).toMatchObject({
      link: '/integritetspolicy/versioner/2027-01-01/',
      description: 'Rättad den 12 januari 2027: Ett stavfel.',
      categories: ['Integritetspolicy', 'Rättelse'],
      customData:
        '<guid isPermaLink="false">https://techtroopers.com/integritetspolicy/versioner/2027-01-01/#rattelse-2</guid>',
    });
    expect(items[1]?.customData).toContain('#rattelse-1</guid>');
  });

  it('keeps the latest items only', () => {
    expect(feedItems(changelog, 'https://techtroopers.com', 2).map((item) => item.pubDate)).toEqual([
      new Date('2027-01-12T00:00:00Z'),
      new Date('2027-01-10T00:00:00Z'),
    ]);
  });
});
