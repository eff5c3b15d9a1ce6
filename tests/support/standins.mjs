// Local stand-ins for the third-party tools, so the browser tests can run the
// real consent flow without the network: Matomo (matomo.js and its tracker) and
// Google Tag Manager (gtm.js). The scripts set the cookies the real tools set,
// under the same names. (The consent log is the real service: services/consent-log.)
//   GET  /matomo/matomo.js   sets _pk_id.<site>.<hash>, _pk_ses.…, _pk_ref.… on trackPageView
//   GET  /matomo/matomo.php  the tracking hit (204)
//   GET  /gtm.js?id=GTM-…    sets _gcl_au when Consent Mode grants ad_storage
//   GET  /requests           every path requested so far, oldest first
import { createServer } from 'node:http';

const MATOMO = `(() => {
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
        set(ses, '1', 1800);
        set(ref, encodeURIComponent('["","",1700000000,"https://example.org/"]'), 15768000);
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

const GTM = `(() => {
  const layer = window.dataLayer || [];
  let adStorage = 'denied';
  for (const entry of layer) {
    if (entry && typeof entry === 'object' && entry[0] === 'consent' && entry[2] && entry[2].ad_storage) adStorage = entry[2].ad_storage;
  }
  if (adStorage === 'granted') document.cookie = '_gcl_au=1.1.123456789.1700000000; path=/; max-age=7776000; SameSite=Lax';
  window.__gtmStandIn = new URL(document.currentScript.src).searchParams.get('id');
})();`;

const [port = '4420'] = process.argv.slice(2);
const requests = [];

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://stand-in');
  requests.push(url.pathname);
  const cors = { 'Access-Control-Allow-Origin': '*' };
  if (url.pathname === '/matomo/matomo.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript', ...cors }).end(MATOMO);
  } else if (url.pathname === '/gtm.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript', ...cors }).end(GTM);
  } else if (url.pathname === '/matomo/matomo.php') {
    response.writeHead(204, cors).end();
  } else if (url.pathname === '/requests') {
    response.writeHead(200, { 'Content-Type': 'application/json', ...cors }).end(JSON.stringify(requests));
  } else {
    response.writeHead(404, cors).end();
  }
});
server.listen(Number(port), '127.0.0.1', () => console.log(`stand-ins on http://127.0.0.1:${port}`));
