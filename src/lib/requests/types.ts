/** The three privacy requests the contact page composes, by their URL value (`?arende=`). */
export const REQUEST_TYPES = ['sparr', 'rattelse', 'registerutdrag'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export interface RequestTypeInfo {
  /** The visitor's name for it, also the start of the e-mail subject. */
  label: string;
  /** What the visitor asks for, in the first person, for the message body. */
  ask: string;
  /** The GDPR article the right comes from. */
  article: string;
}

export const REQUEST_INFO: Readonly<Record<RequestType, RequestTypeInfo>> = {
  sparr: {
    label: 'Spärr mot direktmarknadsföring',
    ask: 'Jag vill inte att mina personuppgifter behandlas för direktmarknadsföring och begär spärr mot marknadsföring.',
    article: 'artikel 21.3',
  },
  rattelse: {
    label: 'Rättelse av personuppgifter',
    ask: 'Jag begär att ni rättar felaktiga personuppgifter om mig.',
    article: 'artikel 16',
  },
  registerutdrag: {
    label: 'Registerutdrag',
    ask: 'Jag begär ett registerutdrag: information om vilka personuppgifter ni behandlar om mig.',
    article: 'artikel 15',
  },
};

/** Narrows `?arende=` (or anything else) to a request type. */
export function parseRequestType(value: unknown): RequestType | undefined {
  return typeof value === 'string' && (REQUEST_TYPES as readonly string[]).includes(value)
    ? (value as RequestType)
    : undefined;
}

/** Marketing channels a visitor can opt out of. */
export const CHANNELS = { epost: 'e-post', telefon: 'telefon', post: 'post' } as const;
export type Channel = keyof typeof CHANNELS;

/** Everything the form can hold, as typed by the visitor. */
export interface RequestValues {
  name: string;
  email: string;
  phone: string;
  customerNumber: string;
  channels: Channel[];
  wrong: string;
  correct: string;
  personnummer: string;
  street: string;
  postalCode: string;
  city: string;
}

export type FieldName = keyof RequestValues;

/**
 * What the visitor wants done with the form: an e-mail (or a POST to the
 * endpoint) for any type, or the printed letter for a register extract.
 */
export type RequestAction = 'message' | 'letter';

/** The policy and addresses a message cites, from the build. */
export interface RequestContext {
  recipient: string;
  postalAddress: string[];
  policy: { version: string; effective: string };
}
