import type { AstroUserConfig } from 'astro';
import { readToolsConfig, toolOrigins } from './consent/toolCatalog.ts';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type Directive = NonNullable<CspConfig['directives']>[number];

/**
 * The content security policy: the site's own origin, plus the statistics and
 * tag origins when those tools are configured, and the consent log and request
 * endpoint when set. Scripts run by hash or from those origins, never inline.
 */
export function contentSecurityPolicy(env: Record<string, string | undefined>): CspConfig {
  const tools = toolOrigins(readToolsConfig(env));
  const origin = (name: string): string[] => {
    const value = env[name];
    return value ? [new URL(value).origin] : [];
  };
  const sources = (...lists: string[][]): string[] => [...new Set(["'self'", ...lists.flat()])];
  const directives: Directive[] = [
    "default-src 'self'",
    `img-src ${sources(tools).join(' ')}`,
    `connect-src ${sources(tools, origin('PUBLIC_CONSENT_LOG_URL'), origin('PUBLIC_CONTACT_ENDPOINT')).join(' ')}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  return {
    algorithm: 'SHA-256',
    directives,
    scriptDirective: { resources: sources(tools) },
    styleDirective: { resources: ["'self'"] },
  };
}

/**
 * The same policy as an HTTP header, for hosts that send headers: the page's
 * directives, `frame-ancestors` (which a `<meta>` cannot carry), and script and
 * style sources without the per-page hashes (the pages have no inline scripts
 * or styles to allow; the `<meta>` policy, enforced as well, keeps its hashes).
 */
export function headerPolicy(env: Record<string, string | undefined>): string {
  const policy = contentSecurityPolicy(env);
  return [
    ...(policy.directives ?? []),
    `script-src ${(policy.scriptDirective?.resources ?? []).join(' ')}`,
    `style-src ${(policy.styleDirective?.resources ?? []).join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every response header the site asks its host to send, by name. */
export function securityHeaders(env: Record<string, string | undefined>): Record<string, string> {
  return {
    'Content-Security-Policy': headerPolicy(env),
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Off: everything the site does not use.
    'Permissions-Policy':
      'accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()',
  };
}

/**
 * Astro fingerprints everything under `/_astro/` (the file name changes with
 * the content), so browsers may keep those files for a year without asking
 * again. Pages keep the host's default: checked on every visit, so a new
 * policy version is seen the day it takes effect.
 */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
