/**
 * The consent banner and the preferences, loaded only when they are needed (see
 * boot.ts). Their configuration comes from the cookie policy in force; nothing
 * non-essential runs until the visitor agrees.
 */
import * as CookieConsent from 'vanilla-cookieconsent';
// By URL, not as a stylesheet import: a page would otherwise link it for every visitor.
import stylesheet from '../../styles/banner.css?url';
import { reviveConfig } from '../../lib/consent/bannerConfig.ts';
import type { ConsentProof } from '../../lib/consent/stored.ts';
import { BANNER, type Banner, type ConsentContext, type ConsentControls } from './startTools.ts';

const DATE_TIME = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The first 16 hex digits of the SHA-256 of a modal's text as the visitor saw it,
 * less their own consent details; empty where the browser cannot hash.
 */
async function textHash(selector: string): Promise<string> {
  const modal = document.querySelector(`#cc-main ${selector}`)?.cloneNode(true) as Element | undefined;
  modal?.querySelector('[data-consent-proof]')?.remove();
  const text = (modal?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text || !globalThis.crypto?.subtle) return '';
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

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
  await stylesheetApplied;
  const titles = new Map(setup.categories.map((category) => [category.id as string, category.title]));
  // What each modal said when it was shown: the proof names the text the choice was made on.
  const shownHash = { consent: Promise.resolve(''), preferences: Promise.resolve('') };

  /** Proof of consent (GDPR art. 7(1)): kept in the cookie and, if configured, reported to the consent log. */
  async function recordConsent(event: 'consent' | 'change'): Promise<void> {
    const bannerHash = await (event === 'consent' ? shownHash.consent : shownHash.preferences);
    const proof: ConsentProof = {
      policyVersion: setup.policy.version,
      policyEffective: setup.policy.effective,
      revision: setup.revision,
      gpc,
      bannerHash,
    };
    CookieConsent.setCookieData({ value: proof, mode: 'overwrite' });
    if (!setup.consentLogUrl) return;
    const cookie = CookieConsent.getCookie();
    const report = new URLSearchParams({
      event,
      consentId: cookie.consentId ?? '',
      time: cookie.lastConsentTimestamp ?? cookie.consentTimestamp ?? '',
      categories: (cookie.categories ?? []).join(','),
      cookiePolicyVersion: proof.policyVersion,
      cookiePolicyEffective: proof.policyEffective,
      revision: String(proof.revision),
      gpc: String(proof.gpc),
      ...(bannerHash ? { bannerHash } : {}),
    });
    navigator.sendBeacon(setup.consentLogUrl, report);
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
    ...reviveConfig(gpc ? setup.banner.gpc : setup.banner.standard),
    lazyHtmlGeneration: !prebuild,
    onFirstConsent: () => void recordConsent('consent'),
    onConsent: () => controls.apply(CookieConsent.getCookie().categories ?? []),
    onChange: ({ changedCategories }) => {
      void recordConsent('change');
      if (changedCategories.includes('statistics') && !CookieConsent.acceptedCategory('statistics')) {
        controls.stopStatistics();
      }
      controls.apply(CookieConsent.getCookie().categories ?? []);
    },
    onModalShow: ({ modalName }) => {
      if (modalName === 'consentModal') shownHash.consent = textHash('.cm');
      if (modalName === 'preferencesModal') {
        shownHash.preferences = textHash('.pm');
        showProof();
      }
    },
  });
}

// Built as a module of its own (see boot.ts), it hands itself to the page's script by this name.
globalThis[BANNER] = { runBanner, showPreferences } satisfies Banner;
