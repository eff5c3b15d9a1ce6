/**
 * What the browser hands back: the consent setup a page carries and the consent
 * cookie a visitor's browser keeps. Both are `unknown` until every field is
 * checked; anything that fails is treated as no consent, so the visitor is
 * simply asked again. Small and free of dependencies: it runs on every page.
 */
import type { CategoryId } from './categories.ts';
import type { PageConsent } from './setup.ts';

/**
 * What the consent cookie's `data` holds: proof of what the visitor agreed to
 * (GDPR art. 7(1)), also sent to the consent log.
 */
export interface ConsentProof {
  /** The cookie policy version consent refers to. */
  policyVersion: string;
  policyEffective: string;
  /** The consent revision it was given under. */
  revision: number;
  /** Whether the browser sent Global Privacy Control. */
  gpc: boolean;
  /**
   * The hash of the published text of the layer the choice was made in
   * (/samtycke/texter/<hash>.json); empty in consent stored before there was one.
   */
  bannerHash: string;
}

/** A consent the banner wrote, with every field checked. */
export interface StoredConsent {
  categories: CategoryId[];
  revision: number;
  consentId: string;
  consentTimestamp: string;
  lastConsentTimestamp: string | undefined;
  /** The proof; left out for consent under another revision, which is asked again and replaced. */
  data: ConsentProof | undefined;
}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isRevision = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;

/**
 * Reads what the page carries for consent. Anything malformed gives `undefined`,
 * and the page then runs no banner and nothing that would need consent.
 */
export function parsePageConsent(json: string | null | undefined): PageConsent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '');
  } catch {
    return undefined;
  }
  // The build wrote it: checking its shape is enough to know it is whole.
  const sound =
    isObject(value) &&
    isRevision(value['revision']) &&
    Array.isArray(value['categories']) &&
    isObject(value['tools']) &&
    isObject(value['signals']) &&
    isObject(value['banner']) &&
    isObject(value['texts']);
  return sound ? (value as unknown as PageConsent) : undefined;
}

/**
 * The proof in a consent cookie's `data`, if every field is what the banner
 * writes under the page's revision: a version and date that revision can refer
 * to, the revision itself, a GPC flag and a hash.
 */
export function parseConsentProof(value: unknown, setup: PageConsent): ConsentProof | undefined {
  if (!isObject(value)) return undefined;
  const { policyVersion, policyEffective, revision, gpc, bannerHash } = value;
  return setup.versions.some(([version, effective]) => version === policyVersion && effective === policyEffective) &&
    revision === setup.revision &&
    typeof gpc === 'boolean' &&
    typeof bannerHash === 'string' &&
    /^([0-9a-f]{16})?$/.test(bannerHash)
    ? { policyVersion: policyVersion as string, policyEffective: policyEffective as string, revision, gpc, bannerHash }
    : undefined;
}

/**
 * A consent record (the parsed consent cookie) as the banner wrote it, or
 * `undefined` for anything else: garbage, cut short, tampered with, another tool's.
 * Consent under another revision keeps its shape but not its proof: the visitor
 * is asked again, and told what changed.
 */
export function parseStoredConsent(value: unknown, setup: PageConsent): StoredConsent | undefined {
  if (!isObject(value)) return undefined;
  const known = new Set<string>(setup.categories.map((category) => category.id));
  const { categories, revision, consentId, consentTimestamp, lastConsentTimestamp } = value;
  const current = revision === setup.revision;
  const data = current ? parseConsentProof(value['data'], setup) : undefined;
  const sound =
    Array.isArray(categories) &&
    categories.every((id) => typeof id === 'string' && known.has(id)) &&
    isRevision(revision) &&
    typeof consentId === 'string' &&
    /^[0-9a-f-]{36}$/.test(consentId) &&
    isTime(consentTimestamp) &&
    (lastConsentTimestamp === undefined || isTime(lastConsentTimestamp)) &&
    (!current || data !== undefined);
  return sound
    ? {
        categories: categories as CategoryId[],
        revision,
        consentId,
        consentTimestamp,
        lastConsentTimestamp,
        data,
      }
    : undefined;
}

/** The consent cookie's value in a `document.cookie` string, parsed; `undefined` when there is none or it is not JSON. */
export function readConsentCookie(cookies: string, name: string): unknown {
  const raw = cookies
    .split('; ')
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  try {
    return raw === undefined ? undefined : JSON.parse(decodeURIComponent(raw));
  } catch {
    return undefined;
  }
}
