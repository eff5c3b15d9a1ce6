/**
 * The signed letter a request may be made with, apart from the e-mail (./compose.ts): the
 * request form loads it, and the personnummer check it uses, only when a letter is chosen.
 */
import { formatSwedishDate } from '../dates.ts';
import {
  ADDRESS_FIELDS,
  REQUESTS,
  TEXT_FIELDS,
  type RequestContext,
  type RequestType,
  type RequestValues,
} from './catalogue.ts';
import { oneLine, request, sent } from './compose.ts';
import { validatePersonnummer } from './personnummer.ts';

export interface Letter {
  title: string;
  recipient: string[];
  sender: string[];
  date: string;
  /** The request, under which policy and article. */
  request: string;
  /** What the request asks to be told, as a list; may be empty. */
  points: string[];
  /** The closing paragraph. */
  closing: string;
  /** What the visitor filled in, by label; an optional field left empty is left out. */
  details: [label: string, value: string][];
}

/** The signed letter a request may be made with: the only place the personnummer goes, if the visitor gives it. */
export function composeLetter(
  type: RequestType,
  values: RequestValues,
  context: RequestContext,
  today: string,
): Letter | undefined {
  const { letter } = REQUESTS[type];
  if (!letter) return undefined;
  const [street, postalCode, city] = ADDRESS_FIELDS.map((field) => oneLine(values[field]));
  const id = validatePersonnummer(values.personnummer, today);
  const details: [string, string][] = [];
  for (const field of letter.fields) {
    if (field === 'channels' || (ADDRESS_FIELDS as readonly string[]).includes(field)) continue;
    const value = field === 'personnummer' && id.ok ? id.normalized : sent(field, values);
    if (value) details.push([TEXT_FIELDS[field].inMessage, value]);
  }
  if (letter.fields.includes('street')) details.push(['Folkbokföringsadress', `${street}, ${postalCode} ${city}`]);
  return {
    title: letter.title,
    recipient: context.postalAddress,
    sender: [oneLine(values.name), street ?? '', `${postalCode} ${city}`],
    date: formatSwedishDate(today),
    request: request(type, context),
    points: [...(REQUESTS[type].points ?? [])],
    closing: letter.closing,
    details,
  };
}
