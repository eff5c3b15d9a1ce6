// Builds the content sets the browser tests need and serves them the way the
// real site is built and served (`astro build`, then `astro preview`):
//   node scripts/test-servers.mjs <site> <fixture> <later> <v2> <dev> <stand-ins> <receiver> <consent-log> <token>
//   site       the real content, as published on SITE_TODAY=2026-11-24, with Matomo
//              and Tag Manager pointed at local stand-ins and the consent log at the
//              real service
//   fixture    the real content plus tests/fixtures/policies (later, upcoming
//              and draft versions), built for SITE_TODAY=2027-03-01, no tools
//   later      the same content built for SITE_TODAY=2027-07-01, when the
//              upcoming versions have come into force
//   v2         the real content with its drafts published and their placeholders filled,
//              built for the drafts' date with every tool and channel configured
//   dev        the fixture content under `astro dev`, where drafts are previewed
//   stand-ins  tests/support/standins.mjs, the tools' local stand-ins
//   consent-log  services/consent-log with a fresh database under .test-builds/,
//              taking beacons from the site's origin; <token> is its staff token
// Builds run one after another: Astro writes generated files into the project's
// `.astro/`, which two builds at once would fight over. The dev server starts last,
// so once it answers, every server does.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFixtureContent, writePublishedDrafts } from './fixture-content.mjs';

const args = process.argv.slice(2);
const [site, fixture, later, v2, dev, standins, receiver, consentLog] = args.slice(0, 8).map(Number);
const consentLogToken = args[8];
if (!site || !fixture || !later || !v2 || !dev || !standins || !receiver || !consentLog || !consentLogToken) {
  console.error(
    'usage: node scripts/test-servers.mjs <site> <fixture> <later> <v2> <dev> <stand-ins> <receiver> <consent-log> <token>',
  );
  process.exit(2);
}
const PORTS = { site, fixture, later, v2, dev };
const standinOrigin = `http://127.0.0.1:${standins}`;
const consentLogOrigin = `http://127.0.0.1:${consentLog}`;

const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules/.bin/astro');
const builds = join(root, '.test-builds');

function envFor(kind, extra) {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_OUT_DIR: join(builds, kind, 'dist'),
    ASTRO_CACHE_DIR: join(builds, kind, 'cache'),
    ...extra,
  };
}

async function waitFor(url) {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  throw new Error(`Nothing answered at ${url} within two minutes.`);
}

const servers = [];
function serve(command, port, env) {
  // --ignore-lock: Astro allows one tracked server per project, and these run side by side.
  const server = spawn(astro, [command, '--port', String(port), '--ignore-lock'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  return track(server, `astro ${command} on port ${port}`, `http://localhost:${port}/`);
}

function track(server, name, url) {
  server.on('exit', (code) => {
    console.error(`${name} stopped (exit ${code}).`);
    for (const other of servers) other.kill();
    process.exit(code ?? 1);
  });
  servers.push(server);
  return waitFor(url);
}

const content = writeFixtureContent(join(builds, 'fixture-content'));
const tools = {
  PUBLIC_MATOMO_URL: `${standinOrigin}/matomo/`,
  PUBLIC_MATOMO_SITE_ID: '1',
  PUBLIC_GTM_ID: 'GTM-TEST123',
  PUBLIC_GTM_URL: `${standinOrigin}/gtm.js`,
  PUBLIC_CONSENT_LOG_URL: `${consentLogOrigin}/samtycke`,
};
const configs = {
  site: envFor('site', { SITE_TODAY: '2026-11-24', ...tools }),
  // The request form posts to a receiver that tests/e2e/fixture/requestEndpoint.spec.ts starts.
  fixture: envFor('fixture', {
    SITE_TODAY: '2027-03-01',
    POLICIES_DIR: content,
    PUBLIC_CONTACT_ENDPOINT: `http://127.0.0.1:${receiver}/begaran`,
  }),
  later: envFor('later', { SITE_TODAY: '2027-07-01', POLICIES_DIR: content }),
  v2: envFor('v2', {
    SITE_TODAY: '2027-01-01',
    POLICIES_DIR: writePublishedDrafts(join(builds, 'v2-content')),
    ...tools,
    PUBLIC_CONTACT_ENDPOINT: `http://127.0.0.1:${receiver}/begaran`,
  }),
  dev: envFor('dev', { SITE_TODAY: '2027-03-01', POLICIES_DIR: content }),
};
for (const kind of ['site', 'fixture', 'later', 'v2']) {
  const build = spawnSync(astro, ['build'], { cwd: root, env: configs[kind], stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await track(
  spawn(process.execPath, [join(root, 'tests/support/standins.mjs'), String(standins)], { stdio: 'inherit' }),
  'the stand-ins',
  `${standinOrigin}/requests`,
);
// A fresh database for every run.
rmSync(join(builds, 'consent-log'), { recursive: true, force: true });
await track(
  spawn(process.execPath, [join(root, 'services/consent-log/src/cli.ts')], {
    env: {
      ...process.env,
      PORT: String(consentLog),
      CONSENT_LOG_DB: join(builds, 'consent-log/consent-log.sqlite'),
      CONSENT_LOG_TOKEN: consentLogToken,
      CONSENT_LOG_ORIGINS: `http://localhost:${site},http://localhost:${v2}`,
      // Every browser test reports from this one machine.
      CONSENT_LOG_RATE_LIMIT: '100000',
    },
    stdio: 'inherit',
  }),
  'the consent log',
  `${consentLogOrigin}/health`,
);
await serve('preview', PORTS.site, configs.site);
await serve('preview', PORTS.fixture, configs.fixture);
await serve('preview', PORTS.later, configs.later);
await serve('preview', PORTS.v2, configs.v2);
await serve('dev', PORTS.dev, configs.dev);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const server of servers) server.removeAllListeners('exit').kill(signal);
    process.exit(0);
  });
}
