import { site } from '../site.config.ts';

/** The policies the site publishes. The id is also the policy's URL segment. */
export const POLICY_IDS = ['integritetspolicy', 'cookiepolicy'] as const;

export type PolicyId = (typeof POLICY_IDS)[number];

export interface PolicyInfo {
  id: PolicyId;
  /** The Swedish title shown on pages. */
  title: string;
  /** A one-sentence description for meta tags and listings. */
  description: string;
}

export const POLICIES: Readonly<Record<PolicyId, PolicyInfo>> = {
  integritetspolicy: {
    id: 'integritetspolicy',
    title: 'Integritetspolicy',
    description: `Hur ${site.legalName} behandlar personuppgifter och vilka rättigheter du har.`,
  },
  cookiepolicy: {
    id: 'cookiepolicy',
    title: 'Cookiepolicy',
    description: `Vilka cookies ${site.name} webbplats använder och hur du väljer vilka du godkänner.`,
  },
};

/** Narrows an unknown string to a policy id. */
export function isPolicyId(value: unknown): value is PolicyId {
  return typeof value === 'string' && (POLICY_IDS as readonly string[]).includes(value);
}
