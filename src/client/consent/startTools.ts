/**
 * Starts the statistics and marketing tools the visitor agreed to, and nothing
 * else. Each starts at most once per page; withdrawing reloads the page (see
 * autoClear.reloadPage), so a withdrawn tool is never in a page again. Loaded on
 * every page, so kept small.
 */
import { GPC_REFUSES, NECESSARY } from '../../lib/consent/categories.ts';
import { consentModeState } from '../../lib/consent/consentMode.ts';
import type { PageConsent } from '../../lib/consent/setup.ts';
import type { ConsentProof, StoredConsent } from '../../lib/consent/stored.ts';
import type { GtmConfig, MatomoConfig } from '../../lib/consent/toolCatalog.ts';

type Queue = unknown[];
declare global {
  interface Window {
    _paq?: Queue[];
    dataLayer?: Queue;
  }
  var __consentBanner: Banner | undefined;
  var __consentProof: ProofText | undefined;
}

/** What the banner module offers the page's script, once it has loaded. */
export interface Banner {
  runBanner(context: ConsentContext, controls: ConsentControls, options?: { prepare?: boolean }): Promise<void>;
  showPreferences(context: ConsentContext, controls: ConsentControls): Promise<void>;
}

/** The global name the banner module registers itself under. */
export const BANNER = '__consentBanner';

/** What the preferences' proof module (proof.ts) offers the banner: the words of "Ditt samtycke". */
export type ProofText = (stored: StoredConsent, data: ConsentProof, categories: PageConsent['categories']) => string;

/** The global name the proof module registers itself under. */
export const PROOF = '__consentProof';

/** What decides which tools may run on this page. */
export interface ConsentContext {
  setup: PageConsent;
  /** The browser sends Global Privacy Control: marketing stays off, whatever is stored. */
  gpc: boolean;
  /** False on pages with forms about the visitor (the contact page): no tool runs there. */
  toolsAllowed: boolean;
}

/**
 * What the page's own script lends the banner: its tools, so that a tool started
 * before the banner loaded is the same one the banner stops, and its reading of
 * the stored consent, so that the banner carries no second copy of either.
 */
export interface ConsentControls {
  /** Starts what the accepted categories allow. */
  apply(accepted: readonly string[]): void;
  /** Stops Matomo in this page and deletes its cookies. */
  stopStatistics(): void;
  /** The stored consent, every field checked, or undefined. */
  readStored(): StoredConsent | undefined;
  /** The published texts of the banner and the preferences, for this browser, in that order; fetched as the banner loads. */
  texts?: Promise<unknown[]>;
}

function loadScript(src: string): void {
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  document.head.append(script);
}

let matomoStarted = false;

/** Matomo, the way its own snippet starts it, without an inline script. */
function startMatomo({ url, siteId }: MatomoConfig): void {
  if (matomoStarted) return;
  matomoStarted = true;
  const paq = (window._paq ??= []);
  paq.push(['setTrackerUrl', `${url}matomo.php`], ['setSiteId', siteId], ['trackPageView'], ['enableLinkTracking']);
  loadScript(`${url}matomo.js`);
}

/** Stops Matomo in this page and deletes its cookies, before the page reloads without it. */
export function stopMatomo(): void {
  if (matomoStarted) window._paq?.push(['disableCookies'], ['deleteCookies']);
}

// gtag must push the `arguments` object itself: Tag Manager tells commands from events by it.
function gtag(..._args: unknown[]): void {
  // eslint-disable-next-line prefer-rest-params
  (window.dataLayer ??= []).push(arguments);
}

/**
 * Consent Mode v2: every signal denied until the visitor says otherwise, but for
 * any the declaration gives the necessary category, which needs no consent.
 */
export function setGtmDefaults({ setup, toolsAllowed }: ConsentContext): void {
  if (setup.tools.gtm && toolsAllowed) gtag('consent', 'default', consentModeState(setup.signals, [NECESSARY]));
}

let gtmStarted = false;

/** Google Tag Manager, after marketing consent only. */
function startGtm({ id, scriptUrl }: GtmConfig): void {
  if (gtmStarted) return;
  gtmStarted = true;
  (window.dataLayer ??= []).push({ 'gtm.start': Date.now(), event: 'gtm.js' });
  const src = new URL(scriptUrl);
  src.searchParams.set('id', id);
  loadScript(src.href);
}

/** Starts what the accepted categories allow; tools already running stay as they are. */
export function applyConsent({ setup, gpc, toolsAllowed }: ConsentContext, accepted: readonly string[]): void {
  if (!toolsAllowed) return;
  const statistics = accepted.includes('statistics');
  const marketing = !gpc && accepted.includes(GPC_REFUSES);
  if (setup.tools.matomo && statistics) startMatomo(setup.tools.matomo);
  if (setup.tools.gtm) {
    // Only the signals the declaration gives an accepted category; marketing's none under GPC.
    const granted = accepted.filter((id) => id !== GPC_REFUSES || marketing);
    gtag('consent', 'update', consentModeState(setup.signals, granted));
    if (marketing) startGtm(setup.tools.gtm);
  }
}
