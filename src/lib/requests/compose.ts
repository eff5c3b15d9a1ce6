import { site } from '../../site.config.ts';
import { formatSwedishDate } from '../dates.ts';
import {
  CHANNELS,
  CHANNELS_FIELD,
  fieldsFor,
  REQUESTS,
  TEXT_FIELDS,
  type RequestContext,
  type RequestType,
  type RequestValues,
  type TextField,
} from './catalogue.ts';

/** Letters and digits nobody confuses when reading a reference aloud (no 0/O, 1/I/L). */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A reference the visitor can quote: TT-20261124-7K3Q. */
export function makeReference(today: string, randomBytes: (n: number) => Uint8Array): string {
  const code = Array.from(randomBytes(4), (byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]).join('');
  return `TT-${today.replaceAll('-', '')}-${code}`;
}

/** One line of text: line breaks, tabs and other control characters become single spaces. */
export const oneLine = (text: string): string =>
  text
    // Control characters are exactly what must not reach a subject line.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A block of text the visitor wrote, line breaks kept and made uniform. */
const block = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
    .trim();

/** A field's value as it is sent: one line, or a block for a text area. */
export const sent = (field: TextField, values: RequestValues): string =>
  'rows' in TEXT_FIELDS[field] ? block(values[field]) : oneLine(values[field]);

/** A `mailto:` URL (RFC 6068): everything percent-encoded, line breaks as CRLF. */
export function mailtoUrl(to: string, subject: string, body?: string): string {
  const query = [`subject=${encodeURIComponent(subject)}`];
  if (body !== undefined) query.push(`body=${encodeURIComponent(body.replaceAll('\n', '\r\n'))}`);
  return `mailto:${encodeURIComponent(to).replace('%40', '@')}?${query.join('&')}`;
}

export interface ComposedMessage {
  to: string;
  subject: string;
  body: string;
  mailto: string;
}

function policyCitation(context: RequestContext): string {
  return `er integritetspolicy (version ${context.policy.version}, gällande från ${formatSwedishDate(context.policy.effective)})`;
}

/** The first paragraph of a message or letter: what is asked, under which policy and article. */
export function request(type: RequestType, context: RequestContext): string {
  const { ask, article } = REQUESTS[type];
  return `${ask} Begäran görs enligt ${policyCitation(context)} och ${article} i dataskyddsförordningen (GDPR).`;
}

/**
 * The request as the start of a message: what is asked, under which policy and
 * article, and the points it asks to be told, as a list.
 */
export function requestText(type: RequestType, context: RequestContext): string {
  const { points } = REQUESTS[type];
  return [request(type, context), ...(points ? ['', ...points.map((point) => `- ${point}`)] : [])].join('\n');
}

/** The subject: request type, name and reference, always one line. */
export function composeSubject(type: RequestType, values: RequestValues, reference: string): string {
  return oneLine(`${REQUESTS[type].label} – ${values.name} – ${reference}`);
}

/**
 * The e-mail for a request: to the address the privacy policy names, with
 * every field the visitor filled in, one-line fields first and written text
 * after. Never the personnummer.
 */
export function composeMessage(
  type: RequestType,
  values: RequestValues,
  context: RequestContext,
  reference: string,
): ComposedMessage {
  const lines: string[] = [`Hej ${site.name},`, '', requestText(type, context), ''];
  const texts: string[] = [];
  for (const field of fieldsFor(type, 'message')) {
    if (field === 'channels') {
      lines.push(`${CHANNELS_FIELD.legend}: ${values.channels.map((channel) => CHANNELS[channel]).join(', ')}`);
      continue;
    }
    const value = sent(field, values);
    if (!value) continue;
    if ('rows' in TEXT_FIELDS[field]) texts.push('', `${TEXT_FIELDS[field].inMessage}:`, value);
    else lines.push(`${TEXT_FIELDS[field].inMessage}: ${value}`);
  }
  const { note } = REQUESTS[type];
  lines.push(...texts, ...(note ? ['', note] : []));
  lines.push('', `Referens: ${reference}`, '', 'Med vänliga hälsningar', oneLine(values.name));
  const body = lines.join('\n');
  const subject = composeSubject(type, values, reference);
  return { to: context.recipient, subject, body, mailto: mailtoUrl(context.recipient, subject, body) };
}

/** What the endpoint receives: the same fields as the e-mail, URL-encoded. Never the personnummer. */
export function endpointPayload(
  type: RequestType,
  values: RequestValues,
  reference: string,
  honeypot: string,
): URLSearchParams {
  const payload = new URLSearchParams({
    arende: type,
    referens: reference,
    amne: composeSubject(type, values, reference),
  });
  for (const field of fieldsFor(type, 'message')) {
    payload.set(
      field === 'channels' ? 'kanaler' : field,
      field === 'channels' ? values.channels.join(',') : sent(field, values),
    );
  }
  payload.set('webbplats', honeypot);
  return payload;
}
