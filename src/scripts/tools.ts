/**
 * Loads the statistics and marketing tools, only ever from the consent
 * callbacks. Each starts at most once per page; withdrawing reloads the page
 * (see autoClear.reloadPage), so a withdrawn tool is never in a page again.
 */
import { loadScript } from 'vanilla-cookieconsent';
import type { GtmConfig, MatomoConfig } from '../lib/consent/tools.ts';

type Queue = unknown[];
declare global {
  interface Window {
    _paq?: Queue[];
    dataLayer?: Queue;
  }
}

let matomoStarted = false;

/** Matomo, the way its own snippet starts it, without an inline script. */
export function startMatomo({ url, siteId }: MatomoConfig): void {
  if (matomoStarted) return;
  matomoStarted = true;
  const paq = (window._paq ??= []);
  paq.push(['setTrackerUrl', `${url}matomo.php`], ['setSiteId', siteId], ['trackPageView'], ['enableLinkTracking']);
  void loadScript(`${url}matomo.js`, { async: '' });
}

/** Stops Matomo in this page and deletes its cookies, before the page reloads without it. */
export function stopMatomo(): void {
  if (!matomoStarted) return;
  window._paq?.push(['disableCookies'], ['deleteCookies']);
}

// gtag must push the `arguments` object itself: Tag Manager tells commands from events by it.
function gtag(..._args: unknown[]): void {
  // eslint-disable-next-line prefer-rest-params
  (window.dataLayer ??= []).push(arguments);
}

const state = (granted: boolean) => (granted ? 'granted' : 'denied');

/** Consent Mode v2: everything denied until the visitor says otherwise. */
export function setGtmDefaults(): void {
  gtag('consent', 'default', {
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'denied',
  });
}

/** Tells Tag Manager the visitor's choice, in Consent Mode v2 terms. */
export function updateGtmConsent(choice: { statistics: boolean; marketing: boolean }): void {
  gtag('consent', 'update', {
    ad_storage: state(choice.marketing),
    ad_user_data: state(choice.marketing),
    ad_personalization: state(choice.marketing),
    analytics_storage: state(choice.statistics),
  });
}

let gtmStarted = false;

/** Google Tag Manager, after marketing consent only. */
export function startGtm({ id, scriptUrl }: GtmConfig): void {
  if (gtmStarted) return;
  gtmStarted = true;
  (window.dataLayer ??= []).push({ 'gtm.start': Date.now(), event: 'gtm.js' });
  const src = new URL(scriptUrl);
  src.searchParams.set('id', id);
  void loadScript(src.href, { async: '' });
}
