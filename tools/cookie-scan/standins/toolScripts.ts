// The scripts the tools' stand-ins serve in place of Matomo and Google Tag Manager:
// they set the cookies the real tools set, under the same names. Served by
// ./server.ts as they are, and by the scan's tests (tests/harness/faultySite.ts)
// with a fault's twist.

/** How a faulty Matomo differs from the real one. */
export interface MatomoTwist {
  /** The session cookie's lifetime, in seconds. */
  sessionSeconds?: number;
  /** Code run on every tracked page view, with `set`, `siteId` and `hash` in scope. */
  onPageView?: string;
}

/**
 * Matomo's matomo.js: `_pk_id`, `_pk_ses` and `_pk_ref` on trackPageView, deleted on
 * deleteCookies, and a tracking hit.
 */
export function matomoScript({ sessionSeconds = 1800, onPageView = '' }: MatomoTwist = {}): string {
  return `(() => {
  let siteId = '0', disabled = false;
  const hash = '1f2e';
  const names = () => ['_pk_id', '_pk_ses', '_pk_ref'].map((name) => name + '.' + siteId + '.' + hash);
  const set = (name, value, seconds) => { document.cookie = name + '=' + value + '; path=/; max-age=' + seconds + '; SameSite=Lax'; };
  const api = {
    setSiteId: (id) => { siteId = String(id); },
    setTrackerUrl: (url) => { api.trackerUrl = url; },
    enableLinkTracking: () => {},
    disableCookies: () => { disabled = true; },
    deleteCookies: () => { for (const name of names()) set(name, '', 0); },
    trackPageView: () => {
      if (!disabled) {
        const [id, ses, ref] = names();
        set(id, 'a1b2c3d4e5f6.1700000000', 33696000);
        set(ses, '1', ${sessionSeconds});
        set(ref, encodeURIComponent('["","",1700000000,"https://example.org/"]'), 15768000);
        ${onPageView}
      }
      new Image().src = api.trackerUrl + '?idsite=' + siteId + '&rec=1';
    },
  };
  const run = (command) => { const [name, ...args] = command; if (typeof api[name] === 'function') api[name](...args); };
  const queued = window._paq || [];
  window._paq = { push: (...commands) => commands.forEach(run) };
  queued.forEach(run);
  window.__matomoStandIn = true;
})();`;
}

/** Google Tag Manager's gtm.js: `_gcl_au` when Consent Mode grants ad_storage. */
export const GTM_SCRIPT = `(() => {
  const layer = window.dataLayer || [];
  let adStorage = 'denied';
  for (const entry of layer) {
    if (entry && typeof entry === 'object' && entry[0] === 'consent' && entry[2] && entry[2].ad_storage) adStorage = entry[2].ad_storage;
  }
  if (adStorage === 'granted') document.cookie = '_gcl_au=1.1.123456789.1700000000; path=/; max-age=7776000; SameSite=Lax';
  window.__gtmStandIn = new URL(document.currentScript.src).searchParams.get('id');
})();`;
