import { formatSwedishDate } from '../dates.ts';
import { validatePersonnummer } from './personnummer.ts';
import { CHANNELS, REQUEST_INFO, type RequestContext, type RequestType, type RequestValues } from './types.ts';
import { fieldsFor } from './validate.ts';

/** Letters and digits nobody confuses when reading a reference aloud (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

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

export interface ComposedMessage {
  to: string;
  subject: string;
  body: string;
  /** RFC 6068: everything percent-encoded, line breaks as CRLF. */
  mailto: string;
}

const LABELS = {
  name: 'Namn',
  email: 'E-post',
  phone: 'Telefon',
  customerNumber: 'Kundnummer',
  street: 'Gatuadress',
  postalCode: 'Postnummer',
  city: 'Ort',
} as const;

function policyCitation(context: RequestContext): string {
  return `er integritetspolicy (version ${context.policy.version}, gällande från ${formatSwedishDate(context.policy.effective)})`;
}

/** The subject: request type, name and reference, always one line. */
export function composeSubject(type: RequestType, values: RequestValues, reference: string): string {
  return oneLine(`${REQUEST_INFO[type].label} – ${values.name} – ${reference}`);
}

/**
 * The e-mail for a request: to the address the privacy policy names, with
 * every field the visitor filled in. Never the personnummer.
 */
export function composeMessage(
  type: RequestType,
  values: RequestValues,
  context: RequestContext,
  reference: string,
): ComposedMessage {
  const info = REQUEST_INFO[type];
  const fields = fieldsFor(type, 'message');
  const lines: string[] = [
    'Hej Tech Troopers,',
    '',
    `${info.ask} Begäran görs enligt ${policyCitation(context)} och ${info.article} i dataskyddsförordningen (GDPR).`,
    '',
  ];
  for (const field of fields) {
    if (field === 'name' || field === 'email' || field === 'phone' || field === 'customerNumber') {
      const value = oneLine(values[field]);
      if (value) lines.push(`${LABELS[field]}: ${value}`);
    }
  }
  if (fields.includes('channels')) {
    lines.push(`Spärra marknadsföring via: ${values.channels.map((channel) => CHANNELS[channel]).join(', ')}`);
  }
  if (fields.includes('street')) {
    lines.push(`Postadress: ${oneLine(values.street)}, ${oneLine(values.postalCode)} ${oneLine(values.city)}`);
  }
  if (type === 'rattelse') {
    lines.push('', 'Det här är fel:', block(values.wrong), '', 'Så här ska det vara:', block(values.correct));
  }
  if (type === 'registerutdrag') {
    lines.push(
      '',
      'Jag skickar inte mitt personnummer via e-post. Kontakta mig på e-postadressen ovan om ni behöver det för att kunna identifiera mig.',
    );
  }
  lines.push('', `Referens: ${reference}`, '', 'Med vänliga hälsningar', oneLine(values.name));
  const body = lines.join('\n');
  const subject = composeSubject(type, values, reference);
  const to = context.recipient;
  const mailto =
    `mailto:${encodeURIComponent(to).replace('%40', '@')}` +
    `?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replaceAll('\n', '\r\n'))}`;
  return { to, subject, body, mailto };
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
    if (field === 'channels') payload.set('kanaler', values.channels.join(','));
    else payload.set(field, field === 'wrong' || field === 'correct' ? block(values[field]) : oneLine(values[field]));
  }
  payload.set('webbplats', honeypot);
  return payload;
}

export interface Letter {
  recipient: string[];
  sender: string[];
  date: string;
  paragraphs: string[];
  details: [label: string, value: string][];
}

/** The signed letter a register extract needs: the only place the personnummer goes. */
export function composeLetter(values: RequestValues, context: RequestContext, today: string): Letter {
  const id = validatePersonnummer(values.personnummer, today);
  const personnummer = id.ok ? id.normalized : oneLine(values.personnummer);
  const address = `${oneLine(values.street)}, ${oneLine(values.postalCode)} ${oneLine(values.city)}`;
  return {
    recipient: context.postalAddress,
    sender: [oneLine(values.name), oneLine(values.street), `${oneLine(values.postalCode)} ${oneLine(values.city)}`],
    date: formatSwedishDate(today),
    paragraphs: [
      `${REQUEST_INFO.registerutdrag.ask} Begäran görs enligt ${policyCitation(context)} och ${REQUEST_INFO.registerutdrag.article} i dataskyddsförordningen (GDPR).`,
      'Skicka utdraget till min folkbokföringsadress.',
    ],
    details: [
      ['Namn', oneLine(values.name)],
      ['Personnummer', personnummer],
      ['Folkbokföringsadress', address],
    ],
  };
}
