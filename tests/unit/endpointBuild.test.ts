/**
 * The build refuses a request endpoint that would carry visitors' requests, which
 * are personal data, over plain http to another machine, naming the setting, and
 * publishes nothing. (http:// to this machine is allowed: the browser tests'
 * receiver is at http://127.0.0.1, and their builds pass.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'endpoint-build-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('astro build with a request endpoint', { timeout: 120_000 }, () => {
  it('refuses plain http to another host, naming PUBLIC_CONTACT_ENDPOINT, and publishes nothing', () => {
    const outDir = join(work, 'dist');
    // Vitest puts its own import.meta.env (MODE=test, DEV=1, …) into process.env; the build must not inherit it.
    const { MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, BASE_URL: _base, ...inherited } = process.env;
    const result = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...inherited,
        ASTRO_OUT_DIR: outDir,
        ASTRO_CACHE_DIR: join(work, 'cache'),
        SITE_TODAY: '2026-11-24',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        NODE_ENV: 'production',
        PUBLIC_CONTACT_ENDPOINT: 'http://forms.techtroopers.com/begaran',
      },
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}\n${result.stderr}`).toContain(
      'PUBLIC_CONTACT_ENDPOINT must be an https:// URL, since what is sent there is personal data; http:// is allowed only for localhost, 127.0.0.1 and [::1], got "http://forms.techtroopers.com/begaran".',
    );
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });
});
