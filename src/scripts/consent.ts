/**
 * The consent banner. Its configuration comes from the cookie policy in force
 * (see ConsentSetup.astro); nothing non-essential runs until the visitor agrees.
 */
// The library's styles less its dark scheme, which the site does not use.
import 'vanilla-cookieconsent/dist/css-components/base.css';
import 'vanilla-cookieconsent/dist/css-components/light-scheme.css';
import 'vanilla-cookieconsent/dist/css-components/consent-modal.css';
import 'vanilla-cookieconsent/dist/css-components/preferences-modal.css';
import '../styles/consent.css';
import * as CookieConsent from 'vanilla-cookieconsent';
import { GPC_REFUSES, isSoundConsent, parseConsentSetup, toCookieConsentConfig } from '../lib/consent/bannerConfig.ts';
import type { ConsentSetup } from '../lib/consent/setup.ts';
import { setGtmDefaults, startGtm, startMatomo, stopMatomo, updateGtmConsent } from './tools.ts';

/** What the consent cookie's `data` holds: the cookie policy version consent refers to. */
interface ConsentData {
  policyVersion: string;
  policyEffective: string;
}

const DATE_TIME = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });

function formatTime(iso: unknown): string {
  const date = typeof iso === 'string' ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime()) ? DATE_TIME.format(date) : 'okänt';
}

function readData(value: unknown): ConsentData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  return typeof data['policyVersion'] === 'string' && typeof data['policyEffective'] === 'string'
    ? (data as unknown as ConsentData)
    : undefined;
}

/** Deletes a consent cookie the banner did not write, so that it asks again instead of trusting it. */
function discardUnsoundConsent(setup: ConsentSetup): void {
  const raw = document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${setup.cookieName}=`))
    ?.slice(setup.cookieName.length + 1);
  if (raw === undefined) return;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(raw));
  } catch {
    value = undefined;
  }
  if (!isSoundConsent(value, setup)) {
    document.cookie = `${setup.cookieName}=; Max-Age=0; Path=/`;
    document.cookie = `${setup.cookieName}=; Max-Age=0; Path=/; Domain=${location.hostname}`;
  }
}

function start(setup: ConsentSetup): void {
  discardUnsoundConsent(setup);
  const gpc = (navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
  const titles = new Map(setup.categories.map((category) => [category.id as string, category.title]));
  // Pages with forms about the visitor (the contact page) run no tools at all.
  const toolsAllowed = !document.body.hasAttribute('data-no-tools');
  if (setup.tools.gtm && toolsAllowed) setGtmDefaults();

  const choice = () => ({
    statistics: CookieConsent.acceptedCategory('statistics'),
    marketing: !gpc && CookieConsent.acceptedCategory(GPC_REFUSES),
  });

  /** Starts what the visitor has agreed to; tools already running stay as they are. */
  function applyConsent(): void {
    if (!toolsAllowed) return;
    const { statistics, marketing } = choice();
    if (setup.tools.matomo && statistics) startMatomo(setup.tools.matomo);
    if (setup.tools.gtm) {
      updateGtmConsent({ statistics, marketing });
      if (marketing) startGtm(setup.tools.gtm);
    }
  }

  /** Proof of consent (GDPR art. 7(1)): which policy version it refers to, and a report if configured. */
  function recordConsent(event: 'consent' | 'change'): void {
    const data: ConsentData = { policyVersion: setup.policy.version, policyEffective: setup.policy.effective };
    CookieConsent.setCookieData({ value: data, mode: 'overwrite' });
    if (!setup.consentLogUrl) return;
    const cookie = CookieConsent.getCookie();
    const report = new URLSearchParams({
      event,
      consentId: cookie.consentId ?? '',
      time: cookie.lastConsentTimestamp ?? cookie.consentTimestamp ?? '',
      categories: (cookie.categories ?? []).join(','),
      cookiePolicyVersion: setup.policy.version,
      cookiePolicyEffective: setup.policy.effective,
    });
    navigator.sendBeacon(setup.consentLogUrl, report);
  }

  /** Fills the "Ditt samtycke" section of the preferences with what the cookie holds. */
  function showProof(): void {
    const target = document.querySelector('[data-consent-proof]');
    if (!target || !CookieConsent.validConsent()) return;
    const cookie = CookieConsent.getCookie();
    const data = readData(cookie.data);
    const accepted = (cookie.categories ?? []).map((id) => titles.get(id) ?? id).join(', ');
    target.textContent =
      `Samtyckes-id: ${cookie.consentId ?? 'okänt'}. ` +
      `Lämnat ${formatTime(cookie.consentTimestamp)}, senast ändrat ${formatTime(cookie.lastConsentTimestamp)}. ` +
      `Godkända kategorier: ${accepted}. ` +
      (data
        ? `Samtycket avser cookiepolicyn version ${data.policyVersion}, som gäller sedan ${DATE.format(new Date(`${data.policyEffective}T00:00:00Z`))}.`
        : '');
  }

  void CookieConsent.run({
    ...toCookieConsentConfig(setup, { gpc }),
    onFirstConsent: () => recordConsent('consent'),
    onConsent: applyConsent,
    onChange: ({ changedCategories }) => {
      recordConsent('change');
      if (changedCategories.includes('statistics') && !CookieConsent.acceptedCategory('statistics')) stopMatomo();
      applyConsent();
    },
    onModalShow: ({ modalName }) => {
      if (modalName === 'preferencesModal') showProof();
    },
  });
}

const setup = parseConsentSetup(document.getElementById('consent-setup')?.textContent);
if (setup) start(setup);
