#!/usr/bin/env node
/**
 * `npm run edit [-- --port 4321]`
 *
 * The web editor on this machine: the dev server (`astro dev`) and Decap CMS's
 * local backend (decap-server), which saves what the editor writes straight
 * into the version files. Prints the editor's address once both answer.
 * Ctrl-C stops both, and when either stops, the other is stopped too.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run edit [-- --port 4321]

Starts the dev server and the web editor's local backend (decap-server) together,
and prints the address of the editor, /admin/. The editor saves straight into
the version files in src/content/policies: there is no review step here, so
commit the new version and open a pull request as with any other change.
Ctrl-C stops both.

Options:
  --port PORT   The dev server's port (default 4321).

Environment:
  DECAP_SERVER_PORT  The local backend's port (default 8081).
  POLICIES_DIR       Another content folder, ending in src/content/policies: the
                     editor then works in the repository around it (used by the tests).`;

const root = resolve(import.meta.dirname, '..');
const CONTENT_PATH = join('src', 'content', 'policies');

const { values } = parseArgs({ options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = values.port ?? '4321';
const backendPort = process.env['DECAP_SERVER_PORT'] || '8081';
for (const [name, value] of [
  ['--port', port],
  ['DECAP_SERVER_PORT', backendPort],
]) {
  if (!/^\d{1,5}$/.test(value)) {
    console.error(`edit: ${name} must be a port number, got "${value}".`);
    process.exit(1);
  }
}
// The editor writes src/content/policies of the repository decap-server is given.
const policiesDir = resolve(root, process.env['POLICIES_DIR'] || CONTENT_PATH);
if (!policiesDir.endsWith(`${sep}${CONTENT_PATH}`)) {
  console.error(`edit: POLICIES_DIR must end in ${CONTENT_PATH}, got "${policiesDir}".`);
  process.exit(1);
}
const repository = policiesDir.slice(0, -CONTENT_PATH.length - 1);

const require = createRequire(import.meta.url);
const astroCli = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
const env = { ...process.env, DECAP_SERVER_PORT: backendPort, ASTRO_TELEMETRY_DISABLED: '1' };
const children = [
  {
    name: 'decap-server',
    process: spawn(process.execPath, [require.resolve('decap-server/dist/index.js')], {
      cwd: repository,
      // MODE=fs: plain files, no git; 127.0.0.1: nobody else on the network can write them.
      env: { ...env, PORT: backendPort, MODE: 'fs', GIT_REPO_DIRECTORY: repository, BIND_HOST: '127.0.0.1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  },
  {
    name: 'astro dev',
    // On this script's Node, as decap-server: the one npm runs scripts on.
    process: spawn(process.execPath, [astroCli, 'dev', '--port', port], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    }),
  },
];

let stopping = false;
/** Stops both servers, then exits with `code`. */
function stop(code) {
  if (stopping) return;
  stopping = true;
  const running = children.filter(({ process: child }) => child.exitCode === null && child.signalCode === null);
  for (const { process: child } of running) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const { process: child } of running) child.kill('SIGKILL');
  }, 5000);
  Promise.all(running.map(({ process: child }) => new Promise((done) => child.once('exit', done)))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}
for (const { name, process: child } of children) {
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`edit: ${name} stopped (${signal ?? `exit ${code}`}), so the other is stopped too.`);
    stop(code || 1);
  });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

/** Resolves true once `url` gives a response that `accept`s, false if none does within two minutes. */
async function waitFor(url, accept) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      if (accept(await fetch(url))) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return false;
}

const editor = `http://localhost:${port}/admin/`;
// decap-server answers any response at all once it listens; the editor's page once the dev server is ready.
if ((await waitFor(`http://127.0.0.1:${backendPort}/api/v1`, () => true)) && (await waitFor(editor, (r) => r.ok))) {
  console.log(
    [
      '',
      `  The web editor: ${editor}`,
      `  It saves straight into ${join(repository, CONTENT_PATH)} (the local backend, decap-server, on port ${backendPort}):`,
      '  no review here, so commit the new version and open a pull request as with any other change.',
      '  Ctrl-C stops the editor and the dev server.',
      '',
    ].join('\n'),
  );
}
