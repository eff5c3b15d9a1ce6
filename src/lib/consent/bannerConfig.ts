/**
 * Turns the build's consent setup into vanilla-cookieconsent's configuration.
 * The texts of each layer are made at build time and published on their own
 * (see bannerTexts.ts); the page carries only their hashes, and the banner
 * loaded in the browser joins the texts it fetches to the settings made here.
 */
import type { CookieConsentConfig, CookieItem, CookieTable, Section, Translation } from 'vanilla-cookieconsent';
import { escapeHtml } from '../escapeHtml.ts';
import { GPC_REFUSES, NECESSARY, type CategoryId } from './categories.ts';
import {
  namePattern,
  PARTY_LABELS,
  STORAGE_LABELS,
  storageOf,
  type CookieCategory,
  type DeclaredCookie,
} from './declaration.ts';
import type { ConsentChange } from './revision.ts';
import type { ConsentSetup, PageConsent } from './setup.ts';

export interface VisitorSignals {
  /** The browser sends Global Privacy Control: marketing is refused without asking. */
  gpc: boolean;
}

/** The categories the banner offers: those declared, less what the browser has already refused. */
export function offeredCategories<T extends { id: CategoryId }>(
  categories: readonly T[],
  signals: VisitorSignals,
): T[] {
  return categories.filter((category) => !(signals.gpc && category.id === GPC_REFUSES));
}

/**
 * What to delete when a category is withdrawn: its declared cookies, by name as
 * declared, `*` and all (JSON carries no expressions; the browser makes patterns
 * of them, see bannerSettings).
 */
export function cookiesToClear(cookies: readonly DeclaredCookie[], category: CategoryId): CookieItem[] {
  return cookies
    .filter((cookie) => cookie.category === category && storageOf(cookie) === 'cookie')
    .map((cookie) => ({ name: cookie.name }));
}

/** The cookie names each optional category's withdrawal deletes, as declared. */
export type Clears = Partial<Record<CategoryId, string[]>>;

/** What the banner's settings are made of. */
export interface SettingsSource {
  revision: number;
  cookieName: string;
  cookieDays: number;
  /** The categories offered, in order. */
  offered: readonly CategoryId[];
  clears: Clears;
  /** The categories a configured tool runs under: withdrawing one reloads the page. */
  reloads: readonly CategoryId[];
}

/**
 * Everything in the configuration but the texts. Nothing is ticked in advance;
 * refusing takes one click, as accepting does.
 */
export function bannerSettings(source: SettingsSource): Omit<CookieConsentConfig, 'language'> {
  const categories: CookieConsentConfig['categories'] = {};
  for (const id of source.offered) {
    categories[id] =
      id === NECESSARY
        ? { enabled: true, readOnly: true }
        : {
            enabled: false,
            readOnly: false,
            autoClear: {
              cookies: (source.clears[id] ?? []).map((name) => ({ name })),
              reloadPage: source.reloads.includes(id),
            },
          };
  }
  return {
    revision: source.revision,
    mode: 'opt-in',
    autoShow: true,
    // The banner is for every visitor, automated browsers included: tests and
    // accessibility checkers must see what people see. Crawlers that run no
    // JavaScript never see it anyway.
    hideFromBots: false,
    disablePageInteraction: false,
    // Tools load from the consent callbacks, never from inline script blocks.
    manageScriptTags: false,
    cookie: { name: source.cookieName, expiresAfterDays: source.cookieDays, sameSite: 'Lax' },
    guiOptions: BANNER_LAYOUT,
    categories,
  };
}

/** The banner's two layers, by the names the consent log records them under. */
export type Layer = 'banner' | 'preferences';

/**
 * What a layer said, as published at /samtycke/texter/<hash>.json: the texts
 * exactly as the library shows them (buttons, descriptions, the cookie tables
 * of the preferences), for which cookie policy version, with or without Global
 * Privacy Control.
 */
export interface LayerText {
  layer: Layer;
  gpc: boolean;
  cookiePolicy: { version: string; effective: string };
  text: Translation['consentModal'] | Translation['preferencesModal'];
}

/** The banner's settings as the page carries them: everything but the texts, for a browser without GPC. */
export type BannerSettings = Omit<CookieConsentConfig, 'language'>;

/**
 * The configuration the banner runs with in the browser: the page's settings
 * (less what Global Privacy Control refuses, and declared names with `*` as
 * patterns; JSON carries no expressions) and the two layers' published texts.
 */
export function browserConfig(
  page: PageConsent,
  gpc: boolean,
  texts: { banner: LayerText; preferences: LayerText },
): CookieConsentConfig {
  const settings = page.banner;
  if (gpc) delete settings.categories[GPC_REFUSES];
  for (const category of Object.values(settings.categories)) {
    for (const cookie of category.autoClear?.cookies ?? []) {
      if (typeof cookie.name === 'string' && cookie.name.includes('*')) cookie.name = namePattern(cookie.name);
    }
  }
  return {
    ...settings,
    language: {
      default: 'sv',
      translations: {
        sv: {
          consentModal: texts.banner.text as Translation['consentModal'],
          preferencesModal: texts.preferences.text as Translation['preferencesModal'],
        },
      },
    },
  };
}

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
        party: PARTY_LABELS[cookie.party],
        purpose: escapeHtml(cookie.purpose),
        duration: escapeHtml(cookie.duration),
      })),
  };
}

/**
 * How the banner and the preferences look. The build leaves the library's
 * styles for every other layout out of the site (see src/integrations/bannerCss.ts).
 */
export const BANNER_LAYOUT = {
  consentModal: {
    layout: 'box wide',
    position: 'bottom center',
    equalWeightButtons: true,
    flipButtons: false,
  },
  preferencesModal: { layout: 'box', equalWeightButtons: true, flipButtons: false },
} as const satisfies NonNullable<CookieConsentConfig['guiOptions']>;

const GPC_NOTE =
  'Din webbläsare skickar signalen Global Privacy Control. Därför använder vi inga cookies för marknadsföring och frågar inte om dem.';

/**
 * How returning visitors are told why they are asked again, by what changed: only
 * a change of the stored entries is said to change the cookies.
 */
export const REVISION_HEADINGS: Readonly<Record<ConsentChange, string>> = {
  storage: 'Vi har ändrat vilka cookies vi använder sedan du gjorde ditt val:',
  purposes: 'Vi har ändrat vad vi ber om ditt samtycke till sedan du gjorde ditt val:',
  text: 'Vi har ändrat cookiepolicyn sedan du gjorde ditt val:',
};

function listWords(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} och ${words.at(-1)}`;
}

/** The settings of `setup`'s banner, for a browser with or without Global Privacy Control. */
export function settingsOf(setup: ConsentSetup, signals: VisitorSignals): SettingsSource {
  const offered = offeredCategories(setup.categories, signals).map((category) => category.id);
  const clears: Clears = {};
  for (const id of offered) {
    if (id !== NECESSARY) clears[id] = cookiesToClear(setup.cookies, id).map((cookie) => cookie.name as string);
  }
  return {
    revision: setup.revision,
    cookieName: setup.cookieName,
    cookieDays: setup.cookieDays,
    offered,
    clears,
    reloads: setup.toolCategories,
  };
}

/**
 * The complete banner configuration, less the callbacks, as made at build time
 * (declared names as written; the browser's has them as patterns). Nothing is ticked in
 * advance; refusing takes one click, as accepting does.
 */
export function toCookieConsentConfig(setup: ConsentSetup, signals: VisitorSignals): CookieConsentConfig {
  const offered = offeredCategories(setup.categories, signals);
  const optional = offered.filter((category) => category.id !== NECESSARY);
  const policyLink = `<a href="${escapeHtml(setup.policy.url)}">cookiepolicy</a>`;
  const purposes = listWords(
    optional.map((category) => `<strong>${escapeHtml(category.title.toLowerCase())}</strong>`),
  );

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
        '<span data-consent-proof>Du har inte gjort något val ännu. När du har valt står ditt samtyckes-id här, ' +
        'så att du kan uppge det om du vill fråga oss om ditt samtycke.</span>',
    },
  ];

  const revisionMessage = setup.revisionNote
    ? `<br><br><strong>${REVISION_HEADINGS[setup.revisionNote.change]}</strong> ${escapeHtml(setup.revisionNote.summary)} ` +
      `<a href="${escapeHtml(setup.revisionNote.changesUrl)}">Se vad som ändrats</a>.`
    : '';

  return {
    ...bannerSettings(settingsOf(setup, signals)),
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
