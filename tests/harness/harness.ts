/**
 * The browser tests' harness, started by Playwright as its web server:
 *   node tests/harness/harness.ts
 * It starts the tools' stand-ins and a fresh consent log, then answers on
 * PORTS.harness:
 *   GET /health           200 once the stand-ins and the consent log answer
 *   GET /sites/<name>     builds the named site (./sites.ts) the first time it is asked
 *                         for and serves it on its port: 202 while waiting, 200 with
 *                         { url, dist } once served, 500 with the build's output if it failed
 *   DELETE /sites/<name>  stops serving it (a dev server that must not outlive its test)
 * Each build runs in a copy of the project (./astroBuild.ts `projectCopy`): Astro writes the
 * content being built into the project's `.astro/`, where the dev servers of the web editor's
 * tests read theirs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectCopy, withBuildLock } from './astroBuild.ts';
import { CONSENT_LOG, CONSENT_LOG_TOKEN, origin, PORTS, STANDINS } from './ports.ts';
import { CONSENT_LOG_SITES, isSiteName, SITES, type SiteName } from './sites.ts';

const root = resolve(import.meta.dirname, '../..');
const astro = join(root, 'node_modules/.bin/astro');
/**
 * Where each site's content, build, cache and copy of the project go: `<name>/` in a folder of
 * the system's temporary folder named for this checkout (and the port base, so that two runs can
 * share a checkout). Outside the project: a dev server of the project, the web editor's, watches
 * everything inside it, and lost its pages while copies of the project were written there.
 */
export const BUILDS = join(
  tmpdir(),
  `techtroopers-test-builds-${createHash('sha256').update(root).digest('hex').slice(0, 8)}${
    process.env['TEST_PORT_BASE'] ? `-${process.env['TEST_PORT_BASE']}` : ''
  }`,
);
const STANDINS_SCRIPT = join(root, 'tools/cookie-scan/standins/server.ts');

type SiteState =
  | { state: 'waiting'; ready: Promise<void> }
  | { state: 'served'; url: string; dist: string; server: ChildProcess }
  | { state: 'failed'; error: string };

const children = new Set<ChildProcess>();
const sites = new Map<SiteName, SiteState>();
/** The one build or dev start that may run at a time. */
let queue: Promise<unknown> = Promise.resolve();

function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
}

async function waitFor(url: string, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 5; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  throw new Error(`Nothing answered at ${url} within ${seconds} s.`);
}

/** Runs a command to its end, without holding up the harness's answers meanwhile. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

/** Starts a long-running child; the harness stops if it stops while it is still wanted. */
function start(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string = root,
): ChildProcess {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  child.on('exit', (code, signal) => {
    if (!children.has(child)) return;
    console.error(`${name} stopped (${signal ?? `exit ${code}`}).`);
    stopAll();
    process.exit(1);
  });
  return child;
}

function siteEnv(name: SiteName): NodeJS.ProcessEnv {
  const site = SITES[name];
  const dir = join(BUILDS, name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_OUT_DIR: join(dir, 'dist'),
    ASTRO_CACHE_DIR: join(dir, 'cache'),
    ...site.env,
  };
  if ('content' in site) env['POLICIES_DIR'] = site.content(join(dir, 'content'));
  return env;
}

async function bringUp(name: SiteName): Promise<void> {
  const site = SITES[name];
  const port = PORTS[name];
  const dir = join(BUILDS, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = siteEnv(name);
  const command = site.mode === 'dev' ? 'dev' : 'preview';
  // A build is built and served from a copy of the project; a dev server runs in the real one.
  const project = site.mode === 'build' ? projectCopy(() => {}, join(dir, 'project')) : root;
  if (site.mode === 'build') {
    const started = Date.now();
    const build = await run(astro, ['build'], env, project);
    if (build.code !== 0) throw new Error(`astro build of the site "${name}" (${site.about}) failed:\n${build.output}`);
    console.error(`harness: built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const serve = async () => {
    // --ignore-lock: Astro allows one tracked server per project, and these run side by side.
    const server = start(
      `astro ${command} of ${name}`,
      astro,
      [command, '--port', String(port), '--ignore-lock'],
      env,
      project,
    );
    await waitFor(`${origin(port)}/`);
    return server;
  };
  // A dev server writes its content into `.astro/` as it starts, as a build does.
  const server = site.mode === 'dev' ? await withBuildLock(serve) : await serve();
  sites.set(name, { state: 'served', url: origin(port), dist: join(dir, 'dist'), server });
}

function ask(name: SiteName): SiteState {
  const known = sites.get(name);
  if (known) return known;
  const ready = queue.then(() => bringUp(name));
  queue = ready.catch(() => undefined);
  ready.catch((error: unknown) => {
    sites.set(name, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
  });
  const waiting: SiteState = { state: 'waiting', ready };
  sites.set(name, waiting);
  return waiting;
}

function stop(name: SiteName): void {
  const known = sites.get(name);
  if (known?.state !== 'served') return;
  children.delete(known.server);
  known.server.kill('SIGTERM');
  sites.delete(name);
}

rmSync(join(BUILDS, 'consent-log'), { recursive: true, force: true });
start('the stand-ins', process.execPath, [STANDINS_SCRIPT, String(PORTS.standins)], process.env);
start('the consent log', process.execPath, [join(root, 'services/consent-log/src/cli.ts')], {
  ...process.env,
  PORT: String(PORTS.consentLog),
  CONSENT_LOG_DB: join(BUILDS, 'consent-log/consent-log.sqlite'),
  CONSENT_LOG_TOKEN,
  CONSENT_LOG_ORIGINS: CONSENT_LOG_SITES.map((name) => origin(PORTS[name])).join(','),
  // Every browser test reports from this one machine.
  CONSENT_LOG_RATE_LIMIT: '100000',
});
await Promise.all([waitFor(`${STANDINS}/requests`), waitFor(`${CONSENT_LOG}/health`)]);

const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://harness');
  const [, kind, name = ''] = url.pathname.split('/');
  let answer = json(404, { error: `No such thing here: ${url.pathname}` });
  if (url.pathname === '/health') answer = json(200, { ok: true });
  else if (kind === 'sites' && !isSiteName(name)) {
    answer = json(404, { error: `No site is named "${name}". Named sites: ${Object.keys(SITES).join(', ')}.` });
  } else if (kind === 'sites' && request.method === 'DELETE') {
    stop(name as SiteName);
    answer = json(204, {});
  } else if (kind === 'sites') {
    const site = ask(name as SiteName);
    if (site.state === 'served') answer = json(200, { url: site.url, dist: site.dist });
    else if (site.state === 'failed') answer = json(500, { error: site.error });
    else answer = json(202, { waiting: true });
  }
  response
    .writeHead(answer.status, { 'Content-Type': 'application/json' })
    .end(answer.status === 204 ? '' : answer.body);
}).listen(PORTS.harness, '127.0.0.1', () => console.error(`harness: listening on ${origin(PORTS.harness)}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const running = [...children];
    children.clear();
    for (const child of running) child.kill(signal);
    process.exit(0);
  });
}
