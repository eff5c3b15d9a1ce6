import { contactPath } from '../paths.ts';
import { REQUEST_TYPES, REQUESTS, type RequestType } from './catalogue.ts';

export interface RequestLink {
  type: RequestType;
  label: string;
  href: string;
}

/** The contact page with a request chosen, at the form. */
export const requestHref = (type: RequestType): string => `${contactPath}?arende=${type}#begaran`;

/**
 * The request links to offer beside a paragraph of the privacy policy: the
 * policy text stays as written, and the page adds a way to act on it.
 */
export function requestLinksFor(paragraph: string): RequestLink[] {
  return REQUEST_TYPES.filter((type) => REQUESTS[type].mentionedBy?.test(paragraph)).map((type) => ({
    type,
    label: `Begär ${REQUESTS[type].label.toLowerCase()}`,
    href: requestHref(type),
  }));
}
