/**
 * Turns the build's consent setup into vanilla-cookieconsent's configuration.
 * Pure and shared by the browser script and the unit tests.
 */
import type { CookieConsentConfig, CookieItem, CookieTable, Section } from 'vanilla-cookieconsent';
import {
  NECESSARY,
  namePattern,
  STORAGE_LABELS,
  storageOf,
  type CategoryId,
  type CookieCategory,
  type DeclaredCookie,
} from './declaration.ts';
import type { ConsentSetup } from './setup.ts';

export interface VisitorSignals {
  /** The browser sends Global Privacy Control: marketing is refused without asking. */
  gpc: boolean;
}

/** The category Global Privacy Control refuses. */
export const GPC_REFUSES: CategoryId = 'marketing';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Reads the setup the page carries. Anything malformed gives `undefined`, and
 * the page then runs no banner and nothing that would need consent.
 */
export function parseConsentSetup(json: string | null | undefined): ConsentSetup | undefined {
  if (!json) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const setup = value as Partial<ConsentSetup>;
  const sound =
    typeof setup.revision === 'number' &&
    typeof setup.cookieName === 'string' &&
    Array.isArray(setup.categories) &&
    Array.isArray(setup.cookies) &&
    Array.isArray(setup.toolCategories) &&
    typeof setup.policy?.url === 'string' &&
    typeof setup.tools === 'object';
  return sound ? (setup as ConsentSetup) : undefined;
}

const isTime = (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * Whether a stored consent record (the parsed consent cookie) is one the banner
 * wrote: anything else (garbage, cut short, another tool's) is discarded, so
 * the visitor is simply asked again.
 */
export function isSoundConsent(value: unknown, setup: ConsentSetup): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const known = new Set(setup.categories.map((category) => category.id as string));
  return (
    Array.isArray(record['categories']) &&
    record['categories'].every((id) => typeof id === 'string' && known.has(id)) &&
    typeof record['revision'] === 'number' &&
    typeof record['consentId'] === 'string' &&
    /^[0-9a-f-]{36}$/.test(record['consentId']) &&
    isTime(record['consentTimestamp']) &&
    (record['lastConsentTimestamp'] === undefined || isTime(record['lastConsentTimestamp']))
  );
}

/** The categories the banner offers: those declared, less what the browser has already refused. */
export function offeredCategories(setup: ConsentSetup, signals: VisitorSignals): CookieCategory[] {
  return setup.categories.filter((category) => !(signals.gpc && category.id === GPC_REFUSES));
}

/** What to delete when a category is withdrawn: its declared cookies, patterns as expressions. */
export function cookiesToClear(cookies: readonly DeclaredCookie[], category: CategoryId): CookieItem[] {
  return cookies
    .filter((cookie) => cookie.category === category && storageOf(cookie) === 'cookie')
    .map((cookie) => ({ name: cookie.name.includes('*') ? namePattern(cookie.name) : cookie.name }));
}

const PARTY = { first: 'Förstapart', third: 'Tredjepart' } as const;

function cookieTable(category: CookieCategory, cookies: readonly DeclaredCookie[]): CookieTable {
  // One-word headers: the library builds the cells' `headers` ids from them.
  return {
    caption: `Cookies för ${escapeHtml(category.title.toLowerCase())}`,
    headers: {
      name: 'Namn',
      storage: 'Typ',
      provider: 'Leverantör',
      party: 'Part',
      purpose: 'Syfte',
      duration: 'Lagringstid',
    },
    body: cookies
      .filter((cookie) => cookie.category === category.id)
      .map((cookie) => ({
        name: escapeHtml(cookie.name),
        storage: STORAGE_LABELS[storageOf(cookie)],
        provider: escapeHtml(cookie.provider),
        party: PARTY[cookie.party],
        purpose: escapeHtml(cookie.purpose),
        duration: escapeHtml(cookie.duration),
      })),
  };
}

const GPC_NOTE =
  'Din webbläsare skickar signalen Global Privacy Control. Därför använder vi inga cookies för marknadsföring och frågar inte om dem.';

function listWords(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} och ${words.at(-1)}`;
}

/**
 * The complete banner configuration, less the callbacks. Nothing is ticked in
 * advance; refusing takes one click, as accepting does.
 */
export function toCookieConsentConfig(setup: ConsentSetup, signals: VisitorSignals): CookieConsentConfig {
  const offered = offeredCategories(setup, signals);
  const optional = offered.filter((category) => category.id !== NECESSARY);
  const policyLink = `<a href="${escapeHtml(setup.policy.url)}">cookiepolicy</a>`;
  const purposes = listWords(
    optional.map((category) => `<strong>${escapeHtml(category.title.toLowerCase())}</strong>`),
  );

  const categories: CookieConsentConfig['categories'] = {};
  for (const category of offered) {
    categories[category.id] =
      category.id === NECESSARY
        ? { enabled: true, readOnly: true }
        : {
            enabled: false,
            readOnly: false,
            autoClear: {
              cookies: cookiesToClear(setup.cookies, category.id),
              reloadPage: setup.toolCategories.includes(category.id),
            },
          };
  }

  const sections: Section[] = [
    {
      title: 'Dina val',
      description:
        `Välj vilka cookies du godkänner. Du kan ändra dig när som helst här; när du återkallar ett samtycke raderar vi kategorins cookies. ` +
        `Mer om varje cookie står i vår ${policyLink} (version ${escapeHtml(setup.policy.version)}).`,
    },
    ...setup.categories.map((category): Section => {
      const refusedByBrowser = signals.gpc && category.id === GPC_REFUSES;
      return {
        title: escapeHtml(category.title),
        description: escapeHtml(category.description) + (refusedByBrowser ? ` <strong>${GPC_NOTE}</strong>` : ''),
        ...(refusedByBrowser ? {} : { linkedCategory: category.id }),
        cookieTable: cookieTable(category, setup.cookies),
      };
    }),
    {
      title: 'Ditt samtycke',
      description:
        '<span data-consent-proof>Du har inte gjort något val ännu.</span> ' +
        'Uppge samtyckes-id:t om du vill fråga oss om ditt samtycke.',
    },
  ];

  const revisionMessage = setup.revisionNote
    ? `<br><br><strong>Vi har ändrat vilka cookies vi använder sedan du gjorde ditt val:</strong> ${escapeHtml(setup.revisionNote.summary)} ` +
      `<a href="${escapeHtml(setup.revisionNote.changesUrl)}">Se vad som ändrats</a>.`
    : '';

  return {
    revision: setup.revision,
    mode: 'opt-in',
    autoShow: true,
    // The banner is for every visitor, automated browsers included: tests and
    // accessibility checkers must see what people see. Crawlers that run no
    // JavaScript never see it anyway.
    hideFromBots: false,
    disablePageInteraction: false,
    // Tools load from the consent callbacks, never from inline script blocks.
    manageScriptTags: false,
    cookie: { name: setup.cookieName, expiresAfterDays: setup.cookieDays, sameSite: 'Lax' },
    guiOptions: {
      consentModal: { layout: 'box wide', position: 'bottom center', equalWeightButtons: true, flipButtons: false },
      preferencesModal: { layout: 'box', equalWeightButtons: true, flipButtons: false },
    },
    categories,
    language: {
      default: 'sv',
      translations: {
        sv: {
          consentModal: {
            title: 'Vi använder cookies',
            description:
              (optional.length > 0 ? `Med ditt samtycke använder vi cookies för ${purposes}. ` : '') +
              'Nödvändiga cookies sparar dina val och används alltid. ' +
              (signals.gpc ? `${GPC_NOTE} ` : '') +
              'Du kan när som helst ändra eller återkalla ditt samtycke under ”Cookieinställningar” längst ned på varje sida.' +
              '{{revisionMessage}}',
            revisionMessage,
            acceptAllBtn: 'Acceptera alla',
            acceptNecessaryBtn: 'Avvisa alla',
            showPreferencesBtn: 'Inställningar',
            footer: `<a href="${escapeHtml(setup.policy.url)}">Cookiepolicy</a>`,
          },
          preferencesModal: {
            title: 'Cookieinställningar',
            acceptAllBtn: 'Acceptera alla',
            acceptNecessaryBtn: 'Avvisa alla',
            savePreferencesBtn: 'Spara mina val',
            closeIconLabel: 'Stäng',
            sections,
          },
        },
      },
    },
  };
}
