/**
 * The consent beacon the site sends (src/scripts/consent.ts): a form-encoded body
 * with exactly these fields. Everything is checked; a beacon that is not sound is
 * refused whole, so the log holds only what the site can have sent.
 */
import { CATEGORY_IDS, isIsoDate, type CategoryId } from './shared.ts';

/** What one consent or change says, as the visitor's browser reported it. */
export interface Beacon {
  /** `consent` for the first choice, `change` for every later one. */
  event: 'consent' | 'change';
  /** The random ID in the visitor's consent cookie, lower case. */
  consentId: string;
  /** When the visitor chose, by the visitor's clock (ISO 8601). */
  visitorTime: string;
  /** The categories accepted, in the order sent. */
  categories: CategoryId[];
  /** The cookie policy version consent refers to: its label and effective date. */
  cookiePolicyVersion: string;
  cookiePolicyEffective: string;
  /** The consent revision, when the site sends it. */
  revision: number | null;
  /** Whether Global Privacy Control was on, when the site sends it. */
  gpc: boolean | null;
  /** A short hash of the text of the layer the choice was made in, when the site sends it. */
  bannerHash: string | null;
  /** How the choice was made, when the site sends it (NULL for beacons from before it did). */
  action: Action | null;
  /** Where it was made: the first layer or the preferences, when the site sends it. */
  layer: Layer | null;
}

/** How a choice was made: every category, only the necessary, an own selection, or consent withdrawn. */
export const ACTIONS = ['accept_all', 'reject_all', 'custom', 'withdraw'] as const;
export type Action = (typeof ACTIONS)[number];
/** The banner's two layers. */
export const LAYERS = ['banner', 'preferences'] as const;
export type Layer = (typeof LAYERS)[number];

const REQUIRED = ['event', 'consentId', 'time', 'categories', 'cookiePolicyVersion', 'cookiePolicyEffective'];
const OPTIONAL = ['revision', 'gpc', 'bannerHash', 'action', 'layer'];

/** A UUID, the form of the banner's consent IDs, in either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// A label such as "2" or "2.1". It starts with a letter or digit, so that no
// spreadsheet opening an export reads it as a formula.
const VERSION_LABEL = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,31}$/u;
const REVISION = /^[1-9]\d{0,8}$/;
const BANNER_HASH = /^[0-9a-f]{16}$/;

/** Reads a beacon's body: the beacon, or a short message saying what is wrong. */
export function parseBeacon(body: string): { beacon: Beacon } | { error: string } {
  const params = new URLSearchParams(body);
  const fields = new Map<string, string>();
  for (const [name, value] of params) {
    if (!REQUIRED.includes(name) && !OPTIONAL.includes(name)) return { error: `unknown field "${name}"` };
    if (fields.has(name)) return { error: `"${name}" is sent twice` };
    fields.set(name, value);
  }
  const missing = REQUIRED.filter((name) => !fields.has(name));
  if (missing.length > 0) return { error: `missing ${missing.map((name) => `"${name}"`).join(', ')}` };
  const field = (name: string): string => fields.get(name) ?? '';

  const event = field('event');
  if (event !== 'consent' && event !== 'change') return { error: '"event" must be consent or change' };
  if (!UUID.test(field('consentId'))) return { error: '"consentId" must be a UUID' };
  const time = TIMESTAMP.exec(field('time'));
  if (!time || !isIsoDate(time[1]) || Number.isNaN(Date.parse(field('time')))) {
    return { error: '"time" must be an ISO 8601 date and time' };
  }
  if (field('categories') === '') return { error: '"categories" must name at least one category' };
  const categories = field('categories').split(',');
  const unknown = categories.find((id) => !(CATEGORY_IDS as readonly string[]).includes(id));
  if (unknown !== undefined) return { error: `"categories": unknown category "${unknown}"` };
  if (new Set(categories).size !== categories.length) return { error: '"categories" names a category twice' };
  if (!VERSION_LABEL.test(field('cookiePolicyVersion'))) {
    return { error: '"cookiePolicyVersion" must be a version label such as 2 or 2.1' };
  }
  if (!isIsoDate(field('cookiePolicyEffective'))) {
    return { error: '"cookiePolicyEffective" must be a date written YYYY-MM-DD' };
  }
  const revision = fields.get('revision');
  if (revision !== undefined && !REVISION.test(revision)) return { error: '"revision" must be a positive integer' };
  const gpc = fields.get('gpc');
  if (gpc !== undefined && gpc !== 'true' && gpc !== 'false') return { error: '"gpc" must be true or false' };
  const bannerHash = fields.get('bannerHash');
  if (bannerHash !== undefined && !BANNER_HASH.test(bannerHash)) {
    return { error: '"bannerHash" must be 16 lower-case hex digits' };
  }
  const action = fields.get('action');
  if (action !== undefined && !(ACTIONS as readonly string[]).includes(action)) {
    return { error: `"action" must be one of ${ACTIONS.join(', ')}` };
  }
  const layer = fields.get('layer');
  if (layer !== undefined && !(LAYERS as readonly string[]).includes(layer)) {
    return { error: `"layer" must be one of ${LAYERS.join(', ')}` };
  }

  return {
    beacon: {
      event,
      consentId: field('consentId').toLowerCase(),
      visitorTime: field('time'),
      categories: categories as CategoryId[],
      cookiePolicyVersion: field('cookiePolicyVersion'),
      cookiePolicyEffective: field('cookiePolicyEffective'),
      revision: revision === undefined ? null : Number(revision),
      gpc: gpc === undefined ? null : gpc === 'true',
      bannerHash: bannerHash ?? null,
      action: (action as Action | undefined) ?? null,
      layer: (layer as Layer | undefined) ?? null,
    },
  };
}
