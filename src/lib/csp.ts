import type { AstroUserConfig } from 'astro';
import { readToolsConfig, toolOrigins } from './consent/tools.ts';

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
