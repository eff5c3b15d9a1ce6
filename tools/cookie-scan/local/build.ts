// The local production build a scan without a URL scans: built the way the
// browser tests build their published site (the real content, with Matomo, Tag
// Manager and the consent log pointed at the local stand-ins), and rebuilt only
// when the sources or the settings changed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveToday } from '#lib/dates.ts';
import { ScanInputError } from '../errors.ts';

const root = resolve(import.meta.dirname, '../../..');
const work = join(root, '.test-builds/scan');
const dist = join(work, 'dist');
const stampFile = join(work, 'build.json');

/** What the build depends on, besides its settings. */
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The newest modification time among the sources, in milliseconds. */
function newestSource(): number {
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

/** The build's settings: the tests' published site, on the stand-ins at `standins`. */
function buildEnv(standins: string) {
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
 * Builds the site into `.test-builds/scan/dist` unless an up-to-date build is
 * there, and returns the build's folder.
 */
export async function ensureBuild(standins: string, log: (message: string) => void): Promise<string> {
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
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await new Promise((done) => child.on('exit', done));
  writeFileSync(logFile, Buffer.concat(output));
  if (code !== 0) throw new ScanInputError(`The build failed (exit ${code}); its output is in ${logFile}.`);
  writeFileSync(stampFile, stamp);
  return dist;
}
