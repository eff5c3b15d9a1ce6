/**
 * The build refuses a request endpoint that would carry visitors' requests, which
 * are personal data, over plain http to another machine, naming the setting, and
 * publishes nothing. (http:// to this machine is allowed: the browser tests'
 * receiver is at http://127.0.0.1, and their builds pass.)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildSync } from '../harness/astroBuild.ts';

const work = mkdtempSync(join(tmpdir(), 'endpoint-build-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('astro build with a request endpoint', { timeout: 120_000 }, () => {
  it('refuses plain http to another host, naming PUBLIC_CONTACT_ENDPOINT, and publishes nothing', () => {
    const outDir = join(work, 'dist');
    const result = astroBuildSync({
      ASTRO_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(work, 'cache'),
      SITE_TODAY: '2026-11-24',
      PUBLIC_CONTACT_ENDPOINT: 'http://forms.techtroopers.com/begaran',
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}\n${result.stderr}`).toContain(
      'PUBLIC_CONTACT_ENDPOINT must be an https:// URL, since what is sent there is personal data; http:// is allowed only for localhost, 127.0.0.1 and [::1], got "http://forms.techtroopers.com/begaran".',
    );
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });
});
