import type { PolicyId } from './policyCatalog.ts';

/** URL of the version of a policy in force. */
export const policyPath = (policy: PolicyId): string => `/${policy}/`;

/** URL of a policy's dated history. */
export const historyPath = (policy: PolicyId): string => `/${policy}/versioner/`;

/** Permanent URL of one version. */
export const versionPath = (policy: PolicyId, effective: string): string => `/${policy}/versioner/${effective}/`;

/** Permanent URL of one version's text as published, the file an editor wrote. */
export const versionSourcePath = (policy: PolicyId, effective: string): string =>
  `/${policy}/versioner/${effective}.md`;

/** URL of what changed in a version compared with the one before it. */
export const changesPath = (policy: PolicyId, effective: string): string =>
  `/${policy}/versioner/${effective}/andringar/`;

/** The site-wide changelog and its feed. */
export const changelogPath = '/andringar/';
export const feedPath = '/andringar.xml';
export const contactPath = '/kontakt/';

/** Where the cookie preferences are explained; links with `data-cc="show-preferencesModal"` open them instead. */
export const cookieSettingsPath = `${policyPath('cookiepolicy')}#cookieinstallningar`;
