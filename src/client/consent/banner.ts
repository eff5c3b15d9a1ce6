/**
 * The consent banner and the preferences, loaded only when they are needed (see
 * boot.ts). Their configuration comes from the cookie policy in force; nothing
 * non-essential runs until the visitor agrees.
 */
import * as CookieConsent from 'vanilla-cookieconsent';
// By URL, not as stylesheet imports: a page would otherwise link them for every visitor.
import bannerStyles from '../../styles/banner.css?url';
import preferencesStyles from '../../styles/preferences.css?url';
// Built as a module of its own, as this one is (see boot.ts): what only the preferences show.
import proofUrl from './proof.ts?worker&url';
import { browserConfig, type Layer, type LayerText } from '../../lib/consent/bannerConfig.ts';
import type { ConsentProof } from '../../lib/consent/stored.ts';
import { sendReport } from './report.ts';
import { BANNER, PROOF, type Banner, type ConsentContext, type ConsentControls } from './startTools.ts';

/** How a choice was made, as the consent log records it (see recordConsent). */
type Action = 'accept_all' | 'reject_all' | 'custom' | 'withdraw';

let running: Promise<void> | undefined;

/**
 * Runs the banner once per page: shown when there is no valid consent, as the library
 * decides. `prepare`: the visitor is reaching for Cookieinställningar, so the preferences'
 * styles are fetched now, and the banner's only if it shows.
 */
function runBanner(context: ConsentContext, controls: ConsentControls, { prepare = false } = {}): Promise<void> {
  running ??= start(context, controls, prepare);
  return running;
}

/** Opens Cookieinställningar, running the banner first if it is not yet. */
async function showPreferences(context: ConsentContext, controls: ConsentControls): Promise<void> {
  await Promise.all([runBanner(context, controls), preferencesReady()]);
  CookieConsent.showPreferences();
}

const stylesheets: Record<string, Promise<unknown>> = {};

/**
 * Links one of the banner's stylesheets, once, and resolves when it applies (or fails), so that
 * neither layer ever shows unstyled. Each styles nothing but its layer, so linking one early
 * changes nothing on the page. The banner's is linked when the banner runs; the preferences' only
 * when the visitor reaches for them, so a first visit that answers the banner never loads them.
 */
const stylesheet = (href: string) =>
  (stylesheets[href] ??= new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.onload = link.onerror = resolve;
    document.head.append(link);
  }));

/** The words of the preferences' proof ("Ditt samtycke"), fetched once. */
const loadProof = () => import(/* @vite-ignore */ proofUrl);

/** What the preferences wait for before they show, their styles, with the words of their proof fetched alongside. */
const preferencesReady = () => (void loadProof(), stylesheet(preferencesStyles));

/**
 * The preferences' styles and proof fetched as the visitor reaches for a control that opens them
 * (the banner's Inställningar, the page's links: a pointer over it, which a touch also brings, or
 * focus), and a click that comes before they are there held back until they are: the library,
 * whose own listeners these are, would show the preferences unstyled.
 */
function preparePreferences(): void {
  let ready = false;
  const prepare = () => preferencesReady().then(() => (ready = true));
  for (const type of ['pointerover', 'focusin', 'click']) {
    addEventListener(
      type,
      (event) => {
        if (ready || !(event.target as Element).closest?.('#cc-main [data-role="show"],[data-cc]')) return;
        if (type !== 'click') return void prepare();
        event.preventDefault();
        event.stopPropagation();
        void prepare().then(() => CookieConsent.showPreferences());
      },
      true,
    );
  }
}

async function start(context: ConsentContext, controls: ConsentControls, prepare: boolean): Promise<void> {
  const { setup, gpc } = context;
  // The banner waits for its styles; the preferences wait for theirs when they are opened.
  if (prepare) void preferencesReady();
  const [[bannerText, preferencesText]] = (await Promise.all([
    controls.texts,
    prepare || stylesheet(bannerStyles),
  ])) as [[LayerText, LayerText], unknown];
  const hashes = setup.texts[gpc ? 'gpc' : 'standard'];

  const config = browserConfig(setup, gpc, { banner: bannerText, preferences: preferencesText });
  const offered = Object.keys(config.categories).length;

  /**
   * How a choice was made, by what it leaves accepted: `accept_all`, every
   * category offered (Acceptera alla, or Spara mina val with every box ticked);
   * `reject_all`, a first choice of the necessary alone; `withdraw`, a change
   * that leaves the necessary alone (Avvisa alla, or Spara mina val with every
   * box cleared); `custom`, anything between, a change that withdraws some
   * categories and keeps others included (its categories tell which remain).
   */
  const actionOf = (event: 'consent' | 'change', accepted: readonly string[]): Action =>
    accepted.length === offered
      ? 'accept_all'
      : accepted.length > 1
        ? 'custom'
        : event === 'change'
          ? 'withdraw'
          : 'reject_all';

  /**
   * Proof of consent (GDPR art. 7(1)): kept in the cookie and, if configured,
   * reported to the consent log, with how the choice was made, in which layer,
   * and the hash of that layer's published text.
   */
  function recordConsent(event: 'consent' | 'change'): void {
    const cookie = CookieConsent.getCookie();
    const categories = cookie.categories ?? [];
    // The library calls back before it hides the layer the choice was made in.
    const layer: Layer = document.documentElement.classList.contains('show--preferences') ? 'preferences' : 'banner';
    const action = actionOf(event, categories);
    const proof: ConsentProof = {
      policyVersion: setup.policy.version,
      policyEffective: setup.policy.effective,
      revision: setup.revision,
      gpc,
      bannerHash: hashes[layer],
    };
    CookieConsent.setCookieData({ value: proof, mode: 'overwrite' });
    if (!setup.consentLogUrl) return;
    const report = new URLSearchParams({
      event,
      consentId: cookie.consentId ?? '',
      time: cookie.lastConsentTimestamp ?? cookie.consentTimestamp ?? '',
      categories: categories.join(','),
      cookiePolicyVersion: proof.policyVersion,
      cookiePolicyEffective: proof.policyEffective,
      revision: String(proof.revision),
      gpc: String(proof.gpc),
      bannerHash: proof.bannerHash,
      action,
      layer,
    });
    sendReport(setup.consentLogUrl, report);
  }

  /** Fills the "Ditt samtycke" section of the preferences with what the cookie holds, checked field by field. */
  async function showProof(): Promise<void> {
    const target = document.querySelector('[data-consent-proof]');
    const stored = controls.readStored();
    const data = stored?.data;
    if (!target || !stored || !data || !CookieConsent.validConsent()) return;
    // Not "no choice yet" while the words arrive.
    target.textContent = '';
    await loadProof();
    target.textContent = globalThis[PROOF]!(stored, data, setup.categories);
  }

  await CookieConsent.run({
    ...config,
    // The preferences are built when they first open, their styles there: they then appear in the
    // next frame (see preferences.css). Built earlier, they would fade in. (The library still builds
    // them ahead while a pointer rests on the banner's Inställningar; global.css hides them till then.)
    lazyHtmlGeneration: true,
    onFirstConsent: () => recordConsent('consent'),
    onConsent: () => controls.apply(CookieConsent.getCookie().categories ?? []),
    onChange: ({ changedCategories }) => {
      recordConsent('change');
      if (changedCategories.includes('statistics') && !CookieConsent.acceptedCategory('statistics')) {
        controls.stopStatistics();
      }
      controls.apply(CookieConsent.getCookie().categories ?? []);
    },
    onModalShow: ({ modalName }) => {
      if (modalName === 'preferencesModal') void showProof();
    },
  });
  preparePreferences();
}

// Built as a module of its own (see boot.ts), it hands itself to the page's script by this name.
globalThis[BANNER] = { runBanner, showPreferences } satisfies Banner;
