// @ts-check
// The local production build, for a scan without a URL: built the way the
// browser tests build their `site` (the real content, with Matomo, Tag Manager
// and the consent log pointed at the local stand-ins), rebuilt only when the
// sources or the settings changed, and served the way a real host serves it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { resolveToday } from '../../src/lib/dates.ts';
import { serveStatic } from '../bench/static-server.mjs';
import { ScanInputError } from './errors.mjs';

const root = resolve(import.meta.dirname, '../..');
const work = join(root, '.test-builds/scan');
const dist = join(work, 'dist');
const stampFile = join(work, 'build.json');

/** The site listens here and the stand-ins one port up; `SCAN_PORT` moves both. */
export const DEFAULT_PORT = 4470;

/** What the build depends on, besides its settings. */
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The newest modification time among the sources, in milliseconds. */
function newestSource() {
  let newest = 0;
  for (const source of SOURCES) {
    const path = join(root, source);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((file) => join(path, file))
      : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * The build's settings: the tests' `site` build, on the stand-ins at `standins`.
 * @param {string} standins
 */
function buildEnv(standins) {
  return {
    SITE_TODAY: resolveToday(process.env),
    PUBLIC_MATOMO_URL: `${standins}/matomo/`,
    PUBLIC_MATOMO_SITE_ID: '1',
    PUBLIC_GTM_ID: 'GTM-TEST123',
    PUBLIC_GTM_URL: `${standins}/gtm.js`,
    PUBLIC_CONSENT_LOG_URL: `${standins}/consent-log`,
    PUBLIC_CONTACT_ENDPOINT: '',
  };
}

/**
 * Builds the site into `.test-builds/scan/dist` unless an up-to-date build is there.
 * @param {string} standins
 * @param {(message: string) => void} log
 * @returns {Promise<string>} the build's folder
 */
async function ensureBuild(standins, log) {
  const env = buildEnv(standins);
  const stamp = JSON.stringify({ env, sources: newestSource() });
  if (existsSync(join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    log('the local build is up to date');
    return dist;
  }
  log(`building the site for ${env.SITE_TODAY}, with the tools pointed at the stand-ins…`);
  mkdirSync(work, { recursive: true });
  const logFile = join(work, 'build.log');
  const child = spawn(join(root, 'node_modules/.bin/astro'), ['build'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_OUT_DIR: dist,
      ASTRO_CACHE_DIR: join(work, 'cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {Buffer[]} */
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const code = await new Promise((done) => child.on('exit', done));
  writeFileSync(logFile, Buffer.concat(output));
  if (code !== 0) throw new ScanInputError(`The build failed (exit ${code}); its output is in ${logFile}.`);
  writeFileSync(stampFile, stamp);
  return dist;
}

/**
 * Whether nothing listens on `port` yet.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function portFree(port) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/**
 * Starts tests/support/standins.mjs on `port` and resolves once it answers.
 * @param {number} port
 */
async function startStandins(port) {
  const child = spawn(process.execPath, [join(root, 'tests/support/standins.mjs'), String(port)], {
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`http://127.0.0.1:${port}/requests`);
      return child;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  child.kill();
  throw new ScanInputError(`The tools' stand-ins did not start on port ${port}.`);
}

/**
 * Builds the site if needed, serves it with the stand-ins, runs `scan` on its
 * origin and stops both.
 * @template T
 * @param {(origin: string) => Promise<T>} scan
 * @param {{ log?: (message: string) => void; port?: number }} [options]
 * @returns {Promise<T>}
 */
export async function withLocalSite(
  scan,
  { log = () => {}, port = Number(process.env['SCAN_PORT'] || DEFAULT_PORT) } = {},
) {
  for (const candidate of [port, port + 1]) {
    if (!(await portFree(candidate))) {
      throw new ScanInputError(
        `Port ${candidate} is in use: set SCAN_PORT to another port (the scan uses it and the next).`,
      );
    }
  }
  const standinsOrigin = `http://127.0.0.1:${port + 1}`;
  const folder = await ensureBuild(standinsOrigin, log);
  const standins = await startStandins(port + 1);
  const server = await serveStatic(folder, port);
  try {
    // localhost, not 127.0.0.1: the stand-ins must be another site, as the real tools are.
    return await scan(`http://localhost:${port}`);
  } finally {
    server.close();
    standins.kill();
  }
}
