/**
 * A site that runs Matomo or Tag Manager must be able to prove the consent they
 * run on (GDPR art. 7(1)): the build refuses one without a consent log, naming
 * the settings, unless PUBLIC_CONSENT_PROOF_ELSEWHERE=true says the company
 * keeps that proof another way.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consentProofRefusal } from '../../src/lib/buildSettings';
import { readToolsConfig } from '../../src/lib/consent/toolCatalog';
import { astroBuildSync } from '../harness/astroBuild.ts';

const MATOMO = { PUBLIC_MATOMO_URL: 'https://stats.techtroopers.com/', PUBLIC_MATOMO_SITE_ID: '1' };
const GTM = { PUBLIC_GTM_ID: 'GTM-TEST123' };
const LOG = 'https://samtycke.techtroopers.com/samtycke';
const refusal = (env: Record<string, string>, log: string | undefined = undefined) =>
  consentProofRefusal(readToolsConfig(env), log, env);

describe('the proof of consent a site with tools needs', () => {
  it('refuses Matomo or Tag Manager without a consent log, naming the tool, the log and the way out', () => {
    expect(refusal(MATOMO)).toBe(
      "Matomo (PUBLIC_MATOMO_URL) runs only with the visitor's consent, and consent must be provable, but PUBLIC_CONSENT_LOG_URL is not set, so no choice is recorded. " +
        'Set PUBLIC_CONSENT_LOG_URL to the consent log (services/consent-log), or set PUBLIC_CONSENT_PROOF_ELSEWHERE=true if the company keeps proof of consent another way.',
    );
    expect(refusal(GTM)).toContain('Google Tag Manager (PUBLIC_GTM_ID) runs only with');
    expect(refusal({ ...MATOMO, ...GTM })).toContain(
      'Matomo (PUBLIC_MATOMO_URL) and Google Tag Manager (PUBLIC_GTM_ID) run only with',
    );
  });

  it('accepts a consent log, an explicit statement that proof is kept elsewhere, or no tool at all', () => {
    expect(refusal({ ...MATOMO, ...GTM }, LOG)).toBeUndefined();
    expect(refusal({ ...MATOMO, ...GTM, PUBLIC_CONSENT_PROOF_ELSEWHERE: 'true' })).toBeUndefined();
    expect(refusal({})).toBeUndefined();
    expect(refusal({ ...GTM, PUBLIC_CONSENT_PROOF_ELSEWHERE: 'false' })).toContain('PUBLIC_CONSENT_LOG_URL is not set');
  });

  it('refuses a statement that is neither true nor false', () => {
    expect(refusal({ ...GTM, PUBLIC_CONSENT_PROOF_ELSEWHERE: 'yes' }, LOG)).toBe(
      'PUBLIC_CONSENT_PROOF_ELSEWHERE must be true or false, got "yes".',
    );
  });
});

const work = mkdtempSync(join(tmpdir(), 'consent-proof-build-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('astro build with tools and no consent log', { timeout: 240_000 }, () => {
  const build = (name: string, env: Record<string, string>) => {
    const outDir = join(work, name);
    const result = astroBuildSync({
      ASTRO_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: join(work, `${name}-cache`),
      SITE_TODAY: '2026-11-24',
      ...env,
    });
    return {
      ...result,
      output: `${result.stdout}\n${result.stderr}`,
      published: existsSync(join(outDir, 'index.html')),
    };
  };

  it('refuses, naming the settings, and publishes nothing', () => {
    const { status, output, published } = build('refused', { ...MATOMO, ...GTM });
    expect(status).not.toBe(0);
    expect(output).toContain(
      "Matomo (PUBLIC_MATOMO_URL) and Google Tag Manager (PUBLIC_GTM_ID) run only with the visitor's consent, and consent must be provable, but PUBLIC_CONSENT_LOG_URL is not set",
    );
    expect(output).toContain('PUBLIC_CONSENT_PROOF_ELSEWHERE=true');
    expect(published).toBe(false);
  });

  it('builds when PUBLIC_CONSENT_PROOF_ELSEWHERE=true says the proof is kept elsewhere', () => {
    const { status, output, published } = build('elsewhere', {
      ...MATOMO,
      ...GTM,
      PUBLIC_CONSENT_PROOF_ELSEWHERE: 'true',
    });
    expect(output).not.toContain('PUBLIC_CONSENT_LOG_URL is not set');
    expect(status).toBe(0);
    expect(published).toBe(true);
  });
});
