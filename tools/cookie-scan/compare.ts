// Holds what the browser stored and called, state by state, against the
// declaration the site publishes, and names every difference. Pure: it takes
// observations and gives findings, so it is tested without a browser.
import { getDomain } from 'tldts';
import { namePattern } from '#lib/consent/declaration.ts';
import { parseDuration } from './declaration/duration.ts';
import { FINDING_TITLES, formatLifetime, STORAGE_NAMES } from './report/labels.ts';
import type {
  DeclarationDocument,
  DeclaredEntry,
  Finding,
  FindingName,
  Party,
  StateResult,
  StoredItem,
} from './types.ts';

/** Clock differences between the browser, the scan and a server's `Expires` are forgiven up to this. */
export const LIFETIME_TOLERANCE_SECONDS = 60;

/** How serious each finding is: an error fails the scan, a warning does not. */
export const SEVERITY: Record<FindingName, 'error' | 'warning'> = {
  undeclared: 'error',
  'before-consent': 'error',
  'wrong-category': 'error',
  'lifetime-exceeds-declaration': 'error',
  'wrong-party': 'error',
  'survives-withdrawal': 'error',
  'tool-request-without-consent': 'error',
  'never-seen': 'warning',
  'third-party-request': 'warning',
  'unreadable-duration': 'warning',
};

/**
 * The site a host belongs to: its registrable domain under the public suffix
 * list (private suffixes such as github.io included, as browsers count them),
 * or the host itself for IP addresses and names such as localhost.
 */
export function siteOf(host: string): string {
  const bare = host
    .replace(/^\./, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/**
 * First party when `host` (a cookie's domain or an origin's host) belongs to
 * the same site as `siteHost`.
 */
export function partyOf(host: string, siteHost: string): Party {
  return siteOf(host) === siteOf(siteHost) ? 'first' : 'third';
}

/**
 * The declared entry an observed item falls under: same storage type, and the
 * name equal to the declared one or matching its pattern.
 */
export function matchEntry(
  entries: readonly DeclaredEntry[],
  item: Pick<StoredItem, 'storage' | 'name'>,
): DeclaredEntry | undefined {
  return entries.find(
    (entry) => entry.storage === item.storage && (entry.name === item.name || namePattern(entry.name).test(item.name)),
  );
}

/** A URL without its query and fragment. */
export const withoutQuery = (url: string): string => url.replace(/[?#].*$/, '');

/**
 * What a request to another origin is: a call to a declared endpoint (the
 * consent log), to one or more tools, or neither. Where tools share an origin,
 * the tool whose URL the request starts with is the one.
 */
export function classifyRequest(
  url: string,
  declaration: DeclarationDocument,
): { endpoint?: string; tools: DeclarationDocument['tools'] } {
  const endpoint = declaration.endpoints.find((candidate) => withoutQuery(candidate.url) === withoutQuery(url));
  if (endpoint) return { endpoint: endpoint.name, tools: [] };
  const byUrl = declaration.tools.filter((tool) => tool.urls.some((prefix) => withoutQuery(url).startsWith(prefix)));
  if (byUrl.length > 0) return { tools: byUrl };
  const origin = new URL(url).origin;
  return { tools: declaration.tools.filter((tool) => tool.origins.includes(origin)) };
}

const describeItem = (item: StoredItem) => `${STORAGE_NAMES[item.storage].en} ${item.name} (${item.where})`;

/**
 * Every finding for a scan's states, errors before warnings.
 */
export function compare({
  declaration,
  origin,
  states,
  everyState = true,
}: {
  declaration: DeclarationDocument;
  origin: string;
  states: readonly StateResult[];
  /** Whether `states` are every state the site has: only then is an entry never seen worth a warning. */
  everyState?: boolean;
}): Finding[] {
  const siteOrigin = new URL(origin).origin;
  const title = (id: string) => declaration.categories.find((category) => category.id === id)?.title ?? id;
  const findings = new Map<string, Finding>();

  /**
   * Records a finding, or adds the state and page to the same finding seen before
   * (the same name about the same subject, in whichever state).
   */
  function add(
    name: FindingName,
    fields: { state: string | null; page: string | null; subject: string; message: string } & Partial<Finding>,
  ) {
    const id = `${name}|${fields.subject}`;
    const existing = findings.get(id);
    if (existing) {
      if (fields.state && !existing.states.includes(fields.state)) existing.states.push(fields.state);
      if (fields.page && !existing.pages.includes(fields.page)) existing.pages.push(fields.page);
      return;
    }
    findings.set(id, {
      ...fields,
      name,
      severity: SEVERITY[name],
      states: fields.state ? [fields.state] : [],
      pages: fields.page ? [fields.page] : [],
    });
  }

  const seen = new Set<string>();
  const unreadable = new Set<string>();

  for (const state of states) {
    for (const snapshot of state.snapshots) {
      const where = { state: state.id, page: snapshot.page };
      for (const item of snapshot.items) {
        const entry = matchEntry(declaration.entries, item);
        const subject = describeItem(item);
        const base = { ...where, subject, item, ...(entry ? { entry } : {}) };
        if (entry) seen.add(entry.name);
        else {
          add('undeclared', {
            ...base,
            message: `${subject} is not in the declaration${declaredElsewhere(declaration, item)}.`,
          });
        }

        if (snapshot.phase === 'no-consent') {
          if (entry?.category !== 'necessary') {
            add('before-consent', {
              ...base,
              message: `${subject} is stored without consent (before any choice, or after Avvisa alla), but ${
                entry ? `is declared as ${title(entry.category)}` : 'is not declared as necessary'
              }.`,
            });
          }
        } else if (entry) {
          if (snapshot.phase === 'withdrawn' && entry.category === snapshot.withdrawn) {
            add('survives-withdrawal', {
              ...base,
              message: `${subject} is still there after ${title(entry.category)} was withdrawn.`,
            });
          } else if (!snapshot.accepted.includes(entry.category)) {
            add('wrong-category', {
              ...base,
              message: `${subject} is declared as ${title(entry.category)}, which the visitor has not accepted.`,
            });
          }
        }

        if (!entry) continue;
        if (item.storage === 'cookie') {
          const declared = parseDuration(entry.duration);
          if (!declared) unreadable.add(entry.name);
          else if (item.lifetimeSeconds !== undefined) {
            const lifetime = item.lifetimeSeconds;
            const tooLong = declared.session
              ? lifetime !== null
              : lifetime === null
                ? false
                : lifetime > declared.seconds + LIFETIME_TOLERANCE_SECONDS;
            if (tooLong) {
              add('lifetime-exceeds-declaration', {
                ...base,
                message: `${subject} is kept for ${formatLifetime(lifetime, 'en')}, but the declaration says "${entry.duration}".`,
              });
            }
          }
        }
        const party = wrongParty(item, entry, siteOrigin);
        if (party) add('wrong-party', { ...base, message: `${subject} ${party}` });
      }

      for (const request of snapshot.requests) {
        const { endpoint, tools } = classifyRequest(request.url, declaration);
        if (endpoint) continue;
        const requestOrigin = new URL(request.url).origin;
        if (tools.length > 0) {
          if (!tools.some((tool) => snapshot.accepted.includes(tool.category))) {
            const names = tools.map((tool) => tool.name);
            add('tool-request-without-consent', {
              ...where,
              subject: `${names.join(' / ')} at ${requestOrigin}`,
              request,
              tools: names,
              message: `${names.join(' / ')} (${tools.map((tool) => title(tool.category)).join(' / ')}) was called (${withoutQuery(request.url)}) without consent to ${tools.length > 1 ? 'their categories' : 'its category'}.`,
            });
          }
        } else if (partyOf(new URL(request.url).hostname, new URL(siteOrigin).hostname) === 'third') {
          add('third-party-request', {
            ...where,
            subject: requestOrigin,
            request,
            message: `${requestOrigin} was called (${withoutQuery(request.url)}), and it is not a declared tool or endpoint.`,
          });
        }
      }
    }
  }

  for (const entry of declaration.entries) {
    if (everyState && !seen.has(entry.name)) {
      add('never-seen', {
        state: null,
        page: null,
        subject: `${STORAGE_NAMES[entry.storage].en} ${entry.name}`,
        entry,
        message: `${STORAGE_NAMES[entry.storage].en} ${entry.name} (${title(entry.category)}) is declared but was not seen in any state: is the declaration out of date?`,
      });
    }
    if (unreadable.has(entry.name)) {
      add('unreadable-duration', {
        state: null,
        page: null,
        subject: `${STORAGE_NAMES[entry.storage].en} ${entry.name}`,
        entry,
        message: `The duration "${entry.duration}" of ${entry.name} is not one the scan can read, so its lifetime was not checked.`,
      });
    }
  }

  const order = Object.keys(FINDING_TITLES);
  return [...findings.values()].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      order.indexOf(a.name) - order.indexOf(b.name) ||
      a.subject.localeCompare(b.subject),
  );
}

/**
 * Where an undeclared item's name is declared under another storage type, says so.
 */
function declaredElsewhere(declaration: DeclarationDocument, item: StoredItem): string {
  const other = declaration.entries.find(
    (entry) => entry.storage !== item.storage && (entry.name === item.name || namePattern(entry.name).test(item.name)),
  );
  return other ? ` (the name is declared, as ${STORAGE_NAMES[other.storage].en})` : '';
}

/**
 * Why an item's party contradicts its declaration, or undefined when it does
 * not. The declaration's party says who sets an entry: the site itself
 * (first) or another company (third). Stored under another site, it cannot be
 * the site's own. Stored under the site's domain, it can still be another
 * company's, written there by that company's script (as Google's tag writes
 * `_gcl_au`); but if only the site's own code wrote it, it is the site's.
 */
export function wrongParty(item: StoredItem, entry: DeclaredEntry, siteOrigin: string): string | undefined {
  if (item.party === 'third' && entry.party === 'first') {
    return `is stored under ${item.where}, another site than ${new URL(siteOrigin).hostname}, but is declared as first party.`;
  }
  if (
    item.party === 'first' &&
    entry.party === 'third' &&
    item.writers.length > 0 &&
    item.writers.every((writer) => new URL(writer).origin === siteOrigin)
  ) {
    return `is declared as third party, but only the site's own code wrote it (${item.writers.join(', ')}).`;
  }
  return undefined;
}
