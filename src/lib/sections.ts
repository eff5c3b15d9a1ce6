import { changelogPath, contactPath, policyPath } from './paths.ts';

export interface Section {
  href: string;
  /** The name in the main menu. */
  label: string;
  /** The name where there is room to say more (the footer, the 404 page). */
  longLabel: string;
}

/** The site's sections, in menu order: the header, the footer and the 404 page all list these. */
export const SECTIONS: readonly Section[] = [
  { href: policyPath('integritetspolicy'), label: 'Integritetspolicy', longLabel: 'Integritetspolicy' },
  { href: policyPath('cookiepolicy'), label: 'Cookiepolicy', longLabel: 'Cookiepolicy' },
  { href: changelogPath, label: 'Ändringar', longLabel: 'Ändringar i policyerna' },
  { href: contactPath, label: 'Kontakt', longLabel: 'Kontakt' },
];
