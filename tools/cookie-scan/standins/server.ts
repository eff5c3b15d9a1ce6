// Local stand-ins for the third-party tools, so that the browser tests and a scan
// of the local build can run the real consent flow without the network: Matomo
// (matomo.js and its tracker) and Google Tag Manager (gtm.js). The scripts set
// the cookies the real tools set, under the same names. (The consent log is the real service: services/consent-log.)
//   GET  /matomo/matomo.js   sets _pk_id.<site>.<hash>, _pk_ses.…, _pk_ref.… on trackPageView
//   GET  /matomo/matomo.php  the tracking hit (204)
//   GET  /gtm.js?id=GTM-…    sets _gcl_au when Consent Mode grants ad_storage
//   GET  /requests           every path requested so far, oldest first
// Run as `node tools/cookie-scan/standins/server.ts [port]` (default 4420).
import { createServer } from 'node:http';
import { GTM_SCRIPT, matomoScript } from './toolScripts.ts';

const MATOMO = matomoScript();

const [port = '4420'] = process.argv.slice(2);
const requests: string[] = [];

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://stand-in');
  requests.push(url.pathname);
  const cors = { 'Access-Control-Allow-Origin': '*' };
  if (url.pathname === '/matomo/matomo.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript', ...cors }).end(MATOMO);
  } else if (url.pathname === '/gtm.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript', ...cors }).end(GTM_SCRIPT);
  } else if (url.pathname === '/matomo/matomo.php') {
    response.writeHead(204, cors).end();
  } else if (url.pathname === '/requests') {
    response.writeHead(200, { 'Content-Type': 'application/json', ...cors }).end(JSON.stringify(requests));
  } else {
    response.writeHead(404, cors).end();
  }
});
server.listen(Number(port), '127.0.0.1', () => console.log(`stand-ins on http://127.0.0.1:${port}`));
