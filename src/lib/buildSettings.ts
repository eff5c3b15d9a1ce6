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
