/**
 * The consent banner and the preferences, loaded only when they are needed (see
 * boot.ts). Their configuration comes from the cookie policy in force; nothing
 * non-essential runs until the visitor agrees.
 */
import * as CookieConsent from 'vanilla-cookieconsent';
// By URL, not as a stylesheet import: a page would otherwise link it for every visitor.
import stylesheet from '../../styles/banner.css?url';
import { browserConfig, type Layer, type LayerText } from '../../lib/consent/bannerConfig.ts';
import type { ConsentProof } from '../../lib/consent/stored.ts';
import { sendReport } from './report.ts';
import { BANNER, type Banner, type ConsentContext, type ConsentControls } from './startTools.ts';

const DATE_TIME = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });

/** How a choice was made, as the consent log records it (see recordConsent). */
type Action = 'accept_all' | 'reject_all' | 'custom' | 'withdraw';

let running: Promise<void> | undefined;

/**
 * Runs the banner once per page: shown when there is no valid consent, as the library
 * decides. `prebuild`: the visitor is reaching for Cookieinställningar, so the
 * preferences are built now, hidden, and only shown by the click.
 */
function runBanner(context: ConsentContext, controls: ConsentControls, { prebuild = false } = {}): Promise<void> {
  running ??= start(context, controls, prebuild);
  return running;
}

/** Opens Cookieinställningar, running the banner first if it is not yet. */
async function showPreferences(context: ConsentContext, controls: ConsentControls): Promise<void> {
  await runBanner(context, controls);
  CookieConsent.showPreferences();
}

/**
 * The banner's stylesheet, linked as soon as this module loads (on a first visit, or
 * when the visitor reaches for Cookieinställningar), so that it is there by the click.
 * Resolves when it applies (or fails): the banner never shows unstyled. It styles
 * nothing but the banner, so linking it early changes nothing on the page.
 */
const stylesheetApplied: Promise<unknown> = new Promise((resolve) => {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet });
  link.onload = link.onerror = resolve;
  document.head.append(link);
});

async function start(context: ConsentContext, controls: ConsentControls, prebuild: boolean): Promise<void> {
  const { setup, gpc } = context;
  const [bannerText, preferencesText] = (await controls.texts) as [LayerText, LayerText];
  await stylesheetApplied;
  const titles = new Map(setup.categories.map((category) => [category.id as string, category.title]));
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
  function showProof(): void {
    const target = document.querySelector('[data-consent-proof]');
    const stored = controls.readStored();
    const data = stored?.data;
    if (!target || !stored || !data || !CookieConsent.validConsent()) return;
    target.textContent =
      `Samtyckes-id: ${stored.consentId}. ` +
      `Lämnat ${DATE_TIME.format(new Date(stored.consentTimestamp))}` +
      (stored.lastConsentTimestamp
        ? `, senast ändrat ${DATE_TIME.format(new Date(stored.lastConsentTimestamp))}. `
        : '. ') +
      `Godkända kategorier: ${stored.categories.map((id) => titles.get(id) ?? id).join(', ')}. ` +
      `Samtycket avser cookiepolicyn version ${data.policyVersion}, som gäller sedan ${DATE.format(new Date(`${data.policyEffective}T00:00:00Z`))}. ` +
      'Uppge samtyckes-id:t om du vill fråga oss om ditt samtycke.';
  }

  return CookieConsent.run({
    ...config,
    lazyHtmlGeneration: !prebuild,
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
      if (modalName === 'preferencesModal') showProof();
    },
  });
}

// Built as a module of its own (see boot.ts), it hands itself to the page's script by this name.
globalThis[BANNER] = { runBanner, showPreferences } satisfies Banner;
