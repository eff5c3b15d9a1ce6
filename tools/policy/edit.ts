/**
 * `npm run edit [-- --port 4321]`
 *
 * The web editor on this machine: the dev server (`astro dev`) and Decap CMS's
 * local backend (decap-server), which saves what the editor writes straight
 * into the version files. Prints the editor's address once both answer.
 * Ctrl-C stops both, and when either stops, the other is stopped too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { CONTENT_PATH, policiesDirOf } from '#lib/content/policyFiles.ts';
import { CommandError, readCommandLine, run } from './cli.ts';

const USAGE = `Usage: npm run edit [-- --port 4321]

Starts the dev server and the web editor's local backend (decap-server) together,
and prints the address of the editor, /admin/. The editor saves straight into
the version files in ${CONTENT_PATH}: there is no review step here, so
commit the new version and open a pull request as with any other change.
Ctrl-C stops both.

Options:
  --port PORT   The dev server's port (default 4321).

Environment:
  DECAP_SERVER_PORT  The local backend's port (default 8081).
  POLICIES_DIR       Another content folder, ending in ${CONTENT_PATH}: the
                     editor then works in the repository around it (used by the tests).`;

const root = resolve(import.meta.dirname, '../..');
/** The folder of versions within a repository, with this system's separators. */
const contentPath = join(CONTENT_PATH);

/** Resolves true once `url` gives a response that `accept`s, false if none does within two minutes or once `stopped()`. */
async function waitFor(url: string, accept: (response: Response) => boolean, stopped: () => boolean): Promise<boolean> {
  for (let i = 0; i < 600 && !stopped(); i++) {
    try {
      if (accept(await fetch(url))) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return false;
}

await run('edit', async () => {
  const line = readCommandLine('edit', USAGE, { port: 'string' });
  if (!line) return 0;
  const port = line.values.port ?? '4321';
  const backendPort = process.env['DECAP_SERVER_PORT'] || '8081';
  for (const [name, value] of [
    ['--port', port],
    ['DECAP_SERVER_PORT', backendPort],
  ] as const) {
    if (!/^\d{1,5}$/.test(value)) throw new CommandError(`${name} must be a port number, got "${value}".`);
  }
  // The editor writes the content folder of the repository decap-server is given.
  const policiesDir = resolve(root, policiesDirOf(process.env));
  if (!policiesDir.endsWith(`${sep}${contentPath}`)) {
    throw new CommandError(`POLICIES_DIR must end in ${contentPath}, got "${policiesDir}".`);
  }
  const repository = policiesDir.slice(0, -contentPath.length - 1);

  const require = createRequire(import.meta.url);
  const astroCli = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');
  const env = { ...process.env, DECAP_SERVER_PORT: backendPort, ASTRO_TELEMETRY_DISABLED: '1' };
  const children: { name: string; process: ChildProcess }[] = [
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
      // On this command's Node, as decap-server: the one npm runs scripts on.
      process: spawn(process.execPath, [astroCli, 'dev', '--port', port], {
        cwd: root,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      }),
    },
  ];

  let stopping = false;
  /** Stops both servers, then exits with `code`. */
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    const running = children.filter(({ process: child }) => child.exitCode === null && child.signalCode === null);
    for (const { process: child } of running) child.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const { process: child } of running) child.kill('SIGKILL');
    }, 5000);
    void Promise.all(running.map(({ process: child }) => new Promise((done) => child.once('exit', done)))).then(() => {
      clearTimeout(force);
      process.exit(code);
    });
  };
  for (const { name, process: child } of children) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`edit: ${name} stopped (${signal ?? `exit ${code}`}), so the other is stopped too.`);
      stop(code || 1);
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));

  const editor = `http://localhost:${port}/admin/`;
  const stopped = () => stopping;
  // decap-server answers any response at all once it listens; the editor's page once the dev server is ready.
  if (
    (await waitFor(`http://127.0.0.1:${backendPort}/api/v1`, () => true, stopped)) &&
    (await waitFor(editor, (response) => response.ok, stopped))
  ) {
    console.log(
      [
        '',
        `  The web editor: ${editor}`,
        `  It saves straight into ${join(repository, contentPath)} (the local backend, decap-server, on port ${backendPort}):`,
        '  no review here, so commit the new version and open a pull request as with any other change.',
        '  Ctrl-C stops the editor and the dev server.',
        '',
      ].join('\n'),
    );
  }
  return 0;
});
