import { REQUEST_INFO, type RequestType } from './types.ts';

export interface RequestLink {
  type: RequestType;
  label: string;
  href: string;
}

/** What a paragraph of the privacy policy is about, by the words it uses. */
const TOPICS: [RequestType, RegExp][] = [
  ['sparr', /spärr.{0,40}marknadsföring/i],
  ['registerutdrag', /registerutdrag/i],
  ['rattelse', /rättelse|felaktigheter/i],
];

/**
 * The request links to offer beside a paragraph of the privacy policy: the
 * policy text stays as written, and the page adds a way to act on it.
 */
export function requestLinksFor(paragraph: string): RequestLink[] {
  return TOPICS.filter(([, pattern]) => pattern.test(paragraph)).map(([type]) => ({
    type,
    label: `Begär ${REQUEST_INFO[type].label.toLowerCase()}`,
    href: `/kontakt/?arende=${type}#begaran`,
  }));
}
