/**
 * The one module that reads the policy collection. Everything it decides is
 * delegated to the pure functions in `versions.ts`; pages only render.
 */
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { POLICY_IDS, type PolicyId } from './policyCatalog.ts';
import { buildConsentSetup, type ConsentSetup, type DeclaringVersion } from './consent/setup.ts';
import { changesPath, policyPath } from './paths.ts';
import { consentLogUrl, includeDrafts, policiesDir, today, tools } from './buildSettings.ts';
import { readPolicyFiles, readRecord } from './content/policyFiles.ts';
import { findEntry, RECORD_FILE, sha256, sourceText, type Correction } from './publication/record.ts';
import type { RequestContext } from './requests/catalogue.ts';
import { requestContext } from './requests/context.ts';
import type { PolicyVersionData } from './schema/index.ts';
import { buildTimeline, publishedVersions, type Timeline, type TimelineItem } from './versions.ts';

export type PolicyEntry = CollectionEntry<'policies'>;

/** A version as pages use it: its frontmatter, its file and its entry for `render()`. */
export type PolicyVersion = PolicyVersionData & {
  source: string;
  entry: PolicyEntry;
  /** The file as published, for its `.md` copy: the text its SHA-256 is taken of. */
  sourceText: string;
  /** The SHA-256 of that text, as the record of published versions holds it. */
  sha256: string;
  /** Corrections recorded after publication, oldest first. */
  corrections: Correction[];
};

export type PolicyTimeline = Timeline<PolicyVersion>;
export type PolicyTimelineItem = TimelineItem<PolicyVersion>;

let cached: Promise<Record<PolicyId, PolicyTimeline>> | undefined;

async function loadTimelines(): Promise<Record<PolicyId, PolicyTimeline>> {
  const entries = await getCollection('policies');
  // The content loader has checked the record against every file; here it only lends its corrections.
  const record = readRecord(policiesDir, RECORD_FILE);
  const files = new Map(readPolicyFiles(policiesDir).map((file) => [file.path, file]));
  const versions = publishedVersions(
    entries.map((entry): PolicyVersion => {
      const file = entry.filePath ? files.get(resolve(entry.filePath)) : undefined;
      const text = sourceText(file?.text ?? entry.body ?? '');
      return {
        ...entry.data,
        source: entry.filePath ?? entry.id,
        entry,
        sourceText: text,
        sha256: file?.sha256 ?? sha256(text),
        corrections: findEntry(record, entry.data)?.corrections ?? [],
      };
    }),
    includeDrafts,
  );
  return Object.fromEntries(POLICY_IDS.map((policy) => [policy, buildTimeline(policy, versions, today)])) as Record<
    PolicyId,
    PolicyTimeline
  >;
}

/** Every policy's timeline. Cached for a build; read afresh in dev so edits show. */
export function getTimelines(): Promise<Record<PolicyId, PolicyTimeline>> {
  if (includeDrafts) return loadTimelines();
  cached ??= loadTimelines();
  return cached;
}

export async function getTimeline(policy: PolicyId): Promise<PolicyTimeline> {
  return (await getTimelines())[policy];
}

/** Every published version of both policies, newest first (ties: privacy policy first). */
export async function getChangelog(): Promise<PolicyTimelineItem[]> {
  const timelines = await getTimelines();
  return POLICY_IDS.flatMap((policy) => timelines[policy].items).sort((a, b) =>
    a.version.effective === b.version.effective
      ? POLICY_IDS.indexOf(a.version.policy) - POLICY_IDS.indexOf(b.version.policy)
      : a.version.effective < b.version.effective
        ? 1
        : -1,
  );
}

/** Static paths for one page per version, with the item (and its timeline) as props. */
export async function getVersionPaths() {
  const timelines = await getTimelines();
  return POLICY_IDS.flatMap((policy) =>
    timelines[policy].items.map((item) => ({
      params: { policy, date: item.version.effective },
      props: { item, timeline: timelines[policy] },
    })),
  );
}

/** Static paths for the changes page of every version that has a predecessor. */
export async function getChangesPaths() {
  return (await getVersionPaths()).filter(({ props }) => props.item.previous !== undefined);
}

/** Versions listed per page of the changelog and of each policy's history. */
export const PAGE_SIZE = 20;

/** The feed carries the latest items only: news, not an archive (the history is the archive). */
export const FEED_SIZE = 50;

/** Static paths for the per-policy pages (current version, history). */
export async function getPolicyPaths() {
  const timelines = await getTimelines();
  return POLICY_IDS.map((policy) => ({
    params: { policy },
    props: { timeline: timelines[policy] },
  }));
}

let cachedSetup: Promise<ConsentSetup> | undefined;

/**
 * The consent banner's setup, from the cookie policy version in force and the
 * versions before it. Every page carries it, and it walks every version, so a
 * build works it out once.
 */
export function getConsentSetup(): Promise<ConsentSetup> {
  if (includeDrafts) return loadConsentSetup();
  cachedSetup ??= loadConsentSetup();
  return cachedSetup;
}

async function loadConsentSetup(): Promise<ConsentSetup> {
  return buildConsentSetup(await declaringVersions(), tools, consentLogUrl);
}

/** The cookie policy versions that have been in force, oldest first, as the banner knows them. */
async function declaringVersions(): Promise<DeclaringVersion[]> {
  const { items } = await getTimeline('cookiepolicy');
  const inForce = items.filter((item) => item.status !== 'upcoming').reverse();
  return inForce.map(({ version, previous }) => ({
    version: version.version,
    effective: version.effective,
    summary: version.summary,
    url: policyPath('cookiepolicy'),
    changesUrl: previous ? changesPath('cookiepolicy', version.effective) : undefined,
    material: version.material,
    declaration: { categories: version.categories ?? [], cookies: version.cookies ?? [] },
  }));
}

/**
 * The banner's setup as each cookie policy version that has been in force
 * shipped it, oldest first: its texts stay published (see bannerTexts.ts).
 */
export async function getShippedConsentSetups(): Promise<ConsentSetup[]> {
  const versions = await declaringVersions();
  return versions.map((_, index) => buildConsentSetup(versions.slice(0, index + 1), tools, consentLogUrl));
}

/**
 * What the contact page's requests cite: the privacy policy in force, and where
 * requests go (see `requestContext`). E-mail always comes first.
 */
export async function getRequestContext(): Promise<RequestContext> {
  const { version } = (await getTimeline('integritetspolicy')).current;
  return requestContext({ ...version, body: version.entry.body ?? '' });
}
