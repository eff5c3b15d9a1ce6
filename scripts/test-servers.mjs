// Builds the content sets the browser tests need and serves them the way the
// real site is built and served (`astro build`, then `astro preview`):
//   node scripts/test-servers.mjs <site port> <fixture port> <dev port>
//   site     the real content, as published on SITE_TODAY=2026-11-24
//   fixture  the real content plus tests/fixtures/policies (later, upcoming
//            and draft versions), built for SITE_TODAY=2027-03-01
//   dev      the fixture content under `astro dev`, where drafts are previewed
// Builds run one after another: Astro writes generated files into the project's
// `.astro/`, which two builds at once would fight over. The dev server starts last,
// so once it answers, every server does.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [site, fixture, dev] = process.argv.slice(2).map(Number);
if (!site || !fixture || !dev) {
  console.error('usage: node scripts/test-servers.mjs <site port> <fixture port> <dev port>');
  process.exit(2);
}
const PORTS = { site, fixture, dev };

const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules/.bin/astro');
const builds = join(root, '.test-builds');

function fixtureContent() {
  const content = join(builds, 'fixture-content');
  rmSync(content, { recursive: true, force: true });
  mkdirSync(content, { recursive: true });
  cpSync(join(root, 'src/content/policies'), content, { recursive: true });
  cpSync(join(root, 'tests/fixtures/policies'), content, { recursive: true });
  return content;
}

function envFor(kind, extra) {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_OUT_DIR: join(builds, kind, 'dist'),
    ASTRO_CACHE_DIR: join(builds, kind, 'cache'),
    ...extra,
  };
}

async function waitFor(port) {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(`http://localhost:${port}/`);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  throw new Error(`Nothing answered on port ${port} within two minutes.`);
}

const servers = [];
function serve(command, port, env) {
  // --ignore-lock: Astro allows one tracked server per project, and these run side by side.
  const server = spawn(astro, [command, '--port', String(port), '--ignore-lock'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  server.on('exit', (code) => {
    console.error(`astro ${command} on port ${port} stopped (exit ${code}).`);
    for (const other of servers) other.kill();
    process.exit(code ?? 1);
  });
  servers.push(server);
  return waitFor(port);
}

const content = fixtureContent();
const configs = {
  site: envFor('site', { SITE_TODAY: '2026-11-24' }),
  fixture: envFor('fixture', { SITE_TODAY: '2027-03-01', POLICIES_DIR: content }),
  dev: envFor('dev', { SITE_TODAY: '2027-03-01', POLICIES_DIR: content }),
};
for (const kind of ['site', 'fixture']) {
  const build = spawnSync(astro, ['build'], { cwd: root, env: configs[kind], stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await serve('preview', PORTS.site, configs.site);
await serve('preview', PORTS.fixture, configs.fixture);
await serve('dev', PORTS.dev, configs.dev);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const server of servers) server.removeAllListeners('exit').kill(signal);
    process.exit(0);
  });
}
