/**
 * The consent script every page runs, kept small. It reads the stored consent
 * and starts the tools the visitor agreed to; only when there is no valid
 * consent, or the visitor opens Cookieinställningar, does it load the banner
 * (banner.ts, with its library and styles). A returning visitor loads nothing more.
 */
import { TEXTS_PATH } from '../../lib/consent/setup.ts';
import { parsePageConsent, parseStoredConsent, readConsentCookie } from '../../lib/consent/stored.ts';
// The banner is built like a worker, as one module of its own, and fetched by its URL: a plain
// `import('./banner.ts')` would bring Vite's preloading helper (0.7 KB) into this script. It
// registers itself under BANNER once it has loaded.
import bannerUrl from './banner.ts?worker&url';
import {
  applyConsent,
  BANNER,
  setGtmDefaults,
  stopMatomo,
  type Banner,
  type ConsentContext,
  type ConsentControls,
} from './startTools.ts';

function boot(context: ConsentContext): void {
  const { setup } = context;
  setGtmDefaults(context);
  const readStored = () => parseStoredConsent(readConsentCookie(document.cookie, setup.cookieName), setup);
  const stored = readStored();
  if (!stored && document.cookie.includes(`${setup.cookieName}=`)) {
    // Not what the banner wrote (garbage, cut short, tampered with): forget it and ask again.
    document.cookie = `${setup.cookieName}=; Max-Age=0; Path=/`;
    document.cookie = `${setup.cookieName}=; Max-Age=0; Path=/; Domain=${location.hostname}`;
  }
  const controls: ConsentControls = {
    apply: (accepted) => applyConsent(context, accepted),
    stopStatistics: stopMatomo,
    readStored,
  };
  let banner: Promise<Banner> | undefined;
  // The texts are fetched with the banner, not after it: a tap waits for one round trip, not two.
  const loadBanner = () =>
    (banner ??=
      ((controls.texts = Promise.all(
        Object.values(setup.texts[context.gpc ? 'gpc' : 'standard']).map((hash) =>
          fetch(`${TEXTS_PATH}${hash}.json`).then((response) => response.json()),
        ),
      )),
      import(/* @vite-ignore */ bannerUrl).then(() => globalThis[BANNER] as Banner)));
  // Consent for another revision means asking again: the banner says what changed.
  if (stored?.revision === setup.revision) applyConsent(context, stored.categories);
  else void loadBanner().then(({ runBanner }) => runBanner(context, controls));

  // As soon as the visitor reaches for the link (a pointer over it, focus, or the first touch of
  // a tap, well before its click), the banner and the preferences' styles are fetched, so that
  // the click has only to build and show them.
  const prepare = () => void loadBanner().then(({ runBanner }) => runBanner(context, controls, { prepare: true }));
  for (const link of document.querySelectorAll('[data-cc="show-preferencesModal"]')) {
    for (const type of ['pointerenter', 'focus', 'pointerdown', 'touchstart']) {
      link.addEventListener(type, prepare, { once: true, passive: true });
    }
    link.addEventListener('click', (event) => {
      event.preventDefault();
      void loadBanner().then(({ showPreferences }) => showPreferences(context, controls));
    });
  }
}

const setup = parsePageConsent(document.getElementById('consent-setup')?.textContent);
if (setup) {
  boot({
    setup,
    gpc: (navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true,
    toolsAllowed: !document.body.hasAttribute('data-no-tools'),
  });
}
