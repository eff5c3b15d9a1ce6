import { addressLines, site } from '../../site.config.ts';
import { SIGNED_LETTER, type RequestContext } from './catalogue.ts';

/** What the request context needs of the privacy policy version in force. */
export interface PrivacyVersionForRequests {
  version: string;
  effective: string;
  /** The version's own address for letters (`letterAddress` in its frontmatter), if it names one. */
  letterAddress?: readonly string[] | undefined;
  /** The version's text, in Markdown. */
  body: string;
}

/**
 * Where letters go when the version in force names no address of its own: the
 * company's address, with no department line. The letter's heading says what
 * it is ("Begäran om registerutdrag"), so it reaches the right desk. Version 1
 * is recorded and names none, so its letters go here.
 */
export const COMPANY_LETTER_ADDRESS: readonly string[] = [site.legalName, ...addressLines];

/**
 * The addresses and policy a request cites, from the privacy policy version in
 * force. E-mail always comes first; a letter is offered as well where the
 * version mentions one, by naming an address for letters or by asking for a
 * signed request in its text, and it goes to the version's address or, without
 * one, to the company's.
 */
export function requestContext(version: PrivacyVersionForRequests): RequestContext {
  return {
    recipient: site.privacyRequests.recipient,
    postalAddress: [...(version.letterAddress ?? COMPANY_LETTER_ADDRESS)],
    policy: { version: version.version, effective: version.effective },
    offersLetter: version.letterAddress !== undefined || SIGNED_LETTER.test(version.body),
  };
}
