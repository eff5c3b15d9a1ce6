import { readToolsConfig, type ToolsConfig } from './consent/toolCatalog.ts';
import { policiesDirOf } from './content/policyFiles.ts';
import { resolveToday } from './dates.ts';
import { httpUrl, secureUrl } from './httpUrl.ts';
import { configuredSystems, type SystemId } from './privacy/register.ts';

/**
 * Where the policy versions live. `POLICIES_DIR` points a build at another
 * content set (the test fixtures, the benchmark's generated versions).
 */
export const policiesDir: string = policiesDirOf(process.env);

/** The day this build is made for (see `resolveToday`). */
export const today: string = resolveToday();

/** Drafts are previewed in `astro dev` and never published by a build. */
export const includeDrafts: boolean = import.meta.env.DEV;

/** The statistics and marketing tools this build is configured with (none when unset). */
export const tools: ToolsConfig = readToolsConfig(process.env);

/** Where consent reports go (`PUBLIC_CONSENT_LOG_URL`), if anywhere. */
export const consentLogUrl: string | undefined = readUrl('PUBLIC_CONSENT_LOG_URL');

/**
 * Consent must be provable (GDPR art. 7(1)): a site that runs a tool needing
 * consent reports every choice to a consent log, unless
 * `PUBLIC_CONSENT_PROOF_ELSEWHERE=true` says the company keeps that proof another way.
 */
export function consentProofRefusal(
  tools: ToolsConfig,
  consentLogUrl: string | undefined,
  env: Record<string, string | undefined>,
): string | undefined {
  const elsewhere = env['PUBLIC_CONSENT_PROOF_ELSEWHERE'];
  if (elsewhere !== undefined && elsewhere !== '' && elsewhere !== 'true' && elsewhere !== 'false') {
    return `PUBLIC_CONSENT_PROOF_ELSEWHERE must be true or false, got "${elsewhere}".`;
  }
  const needingConsent = [
    ...(tools.matomo ? ['Matomo (PUBLIC_MATOMO_URL)'] : []),
    ...(tools.gtm ? ['Google Tag Manager (PUBLIC_GTM_ID)'] : []),
  ];
  if (needingConsent.length === 0 || consentLogUrl || elsewhere === 'true') return undefined;
  return (
    `${needingConsent.join(' and ')} ${needingConsent.length > 1 ? 'run' : 'runs'} only with the visitor's consent, ` +
    'and consent must be provable, but PUBLIC_CONSENT_LOG_URL is not set, so no choice is recorded. ' +
    'Set PUBLIC_CONSENT_LOG_URL to the consent log (services/consent-log), ' +
    'or set PUBLIC_CONSENT_PROOF_ELSEWHERE=true if the company keeps proof of consent another way.'
  );
}

const refusal = consentProofRefusal(tools, consentLogUrl, process.env);
if (refusal) throw new Error(refusal);

/**
 * Where privacy requests are POSTed (`PUBLIC_CONTACT_ENDPOINT`); unset, they are composed as e-mail.
 * Requests are personal data: the build refuses anything but https://, or http:// to this machine.
 */
export const contactEndpoint: string | undefined = readUrl('PUBLIC_CONTACT_ENDPOINT', secureUrl);

/** Every system this build processes personal data through; the privacy policy's register must cover them. */
export const systems: SystemId[] = configuredSystems({ tools, consentLogUrl, contactEndpoint });

function readUrl(name: string, check: (name: string, value: string) => URL = httpUrl): string | undefined {
  const value = process.env[name];
  return value ? check(name, value).href : undefined;
}
