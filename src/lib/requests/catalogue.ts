/**
 * The one catalogue of privacy requests: each request's label, help text,
 * article, fields, e-mail wording and letter, and each field's label, limits
 * and checks. The contact page's form, its fallback without JavaScript, the
 * composed e-mail, the endpoint's fields, the letter and the `?arende=` values
 * all come from here, so adding a right is one entry.
 */

/** Marketing channels a visitor can opt out of. */
export const CHANNELS = { epost: 'e-post', telefon: 'telefon', post: 'post' } as const;
export type Channel = keyof typeof CHANNELS;

/** What is checked in a field beyond its length. */
export type FieldCheck = 'email' | 'phone' | 'customerNumber' | 'postalCode' | 'personnummer';

export interface TextFieldSpec {
  /** The label in the form. */
  label: string;
  /** A line under the label on what to write. */
  hint?: string;
  /** Marked "(valfritt)"; left empty, it is left out of the message. */
  optional?: true;
  /** The longest accepted input, in characters. */
  max: number;
  /** A text area of this many rows instead of a one-line field. */
  rows?: number;
  check?: FieldCheck;
  /** The error when a required field is empty. */
  missing: string;
  /** How the message names it: "Namn: …" for a line, "Det här är fel:" above a text area. */
  inMessage: string;
  type?: 'text' | 'email' | 'tel';
  inputmode?: 'numeric';
  autocomplete?: string;
  /** Never sent anywhere and never given a `name`: it goes into the printed letter only. */
  letterOnly?: true;
}

/** Every field the form can show, by name. */
export const TEXT_FIELDS = {
  name: { label: 'Namn', max: 100, missing: 'Fyll i ditt namn.', inMessage: 'Namn', autocomplete: 'name' },
  email: {
    label: 'E-post',
    hint: 'Dit skickar vi svaret.',
    max: 254,
    check: 'email',
    missing: 'Fyll i din e-postadress.',
    inMessage: 'E-post',
    type: 'email',
    autocomplete: 'email',
  },
  phone: {
    label: 'Telefon',
    optional: true,
    max: 30,
    check: 'phone',
    missing: '',
    inMessage: 'Telefon',
    type: 'tel',
    autocomplete: 'tel',
  },
  customerNumber: {
    label: 'Kundnummer',
    hint: 'Om du är kund hos oss: det hjälper oss att hitta dina uppgifter.',
    optional: true,
    max: 30,
    check: 'customerNumber',
    missing: '',
    inMessage: 'Kundnummer',
    autocomplete: 'off',
  },
  wrong: {
    label: 'Vad är fel?',
    hint: 'Vilka uppgifter om dig är fel eller ofullständiga?',
    max: 2000,
    rows: 4,
    missing: 'Beskriv vilka uppgifter som är fel.',
    inMessage: 'Det här är fel',
  },
  correct: {
    label: 'Vad ska det stå?',
    max: 2000,
    rows: 4,
    missing: 'Skriv vad det ska stå i stället.',
    inMessage: 'Så här ska det vara',
  },
  erasureScope: {
    label: 'Vilka uppgifter vill du att vi raderar?',
    hint: 'Lämna tomt om du vill att vi raderar alla uppgifter om dig som vi inte måste spara enligt lag.',
    optional: true,
    max: 2000,
    rows: 3,
    missing: '',
    inMessage: 'Uppgifter som ska raderas',
  },
  restrictionScope: {
    label: 'Vilka uppgifter gäller det?',
    max: 2000,
    rows: 3,
    missing: 'Skriv vilka uppgifter det gäller.',
    inMessage: 'Uppgifter som behandlingen ska begränsas för',
  },
  restrictionReason: {
    label: 'Varför ska behandlingen begränsas?',
    hint: 'Till exempel att uppgifterna är fel och ska utredas, att behandlingen saknar stöd men du inte vill att uppgifterna raderas, att du behöver dem för ett rättsligt anspråk, eller att du har invänt mot behandlingen.',
    max: 2000,
    rows: 3,
    missing: 'Skriv varför behandlingen ska begränsas.',
    inMessage: 'Skäl',
  },
  portabilityScope: {
    label: 'Vilka uppgifter vill du få?',
    hint: 'Lämna tomt för alla uppgifter som du själv har lämnat till oss.',
    optional: true,
    max: 2000,
    rows: 3,
    missing: '',
    inMessage: 'Uppgifter',
  },
  portabilityReceiver: {
    label: 'Ska vi överföra uppgifterna direkt till någon annan?',
    hint: 'Skriv namnet på företaget eller organisationen. Vi gör det där det är tekniskt möjligt; annars får du uppgifterna själv.',
    optional: true,
    max: 200,
    missing: '',
    inMessage: 'Överför uppgifterna till',
  },
  objectionScope: {
    label: 'Vilken behandling invänder du mot?',
    hint: 'Till exempel ett ändamål ur vår integritetspolicy, som besöksstatistik eller kreditprövning.',
    max: 2000,
    rows: 3,
    missing: 'Skriv vilken behandling du invänder mot.',
    inMessage: 'Behandling jag invänder mot',
  },
  objectionReason: {
    label: 'Varför invänder du?',
    hint: 'Berätta om din situation, så att vi kan väga dina skäl mot våra.',
    max: 2000,
    rows: 3,
    missing: 'Beskriv varför du invänder.',
    inMessage: 'Skäl',
  },
  personnummer: {
    label: 'Personnummer',
    hint: '10 eller 12 siffror, till exempel 19811218-9876. Samordningsnummer går också bra. Det skrivs bara ut i brevet.',
    max: 13,
    check: 'personnummer',
    missing: 'Fyll i ditt personnummer.',
    inMessage: 'Personnummer',
    inputmode: 'numeric',
    autocomplete: 'off',
    letterOnly: true,
  },
  street: {
    label: 'Gatuadress',
    max: 100,
    missing: 'Fyll i din gatuadress.',
    inMessage: 'Gatuadress',
    autocomplete: 'address-line1',
  },
  postalCode: {
    label: 'Postnummer',
    max: 6,
    check: 'postalCode',
    missing: 'Fyll i ditt postnummer.',
    inMessage: 'Postnummer',
    inputmode: 'numeric',
    autocomplete: 'postal-code',
  },
  city: { label: 'Ort', max: 60, missing: 'Fyll i din ort.', inMessage: 'Ort', autocomplete: 'address-level2' },
} as const satisfies Record<string, TextFieldSpec>;

export type TextField = keyof typeof TEXT_FIELDS;
export type FieldName = TextField | 'channels';

/** The folkbokföring address, asked for as one group. */
export const ADDRESS_FIELDS = ['street', 'postalCode', 'city'] as const satisfies readonly TextField[];

/** The channels field: which marketing to stop. */
export const CHANNELS_FIELD = { legend: 'Spärra marknadsföring via', missing: 'Välj minst en kanal.' } as const;

/** Everything the form can hold, as typed by the visitor. */
export type RequestValues = Record<TextField, string> & { channels: Channel[] };

/** An empty form. */
export const EMPTY_VALUES: RequestValues = {
  ...(Object.fromEntries(Object.keys(TEXT_FIELDS).map((field) => [field, ''])) as Record<TextField, string>),
  channels: [],
};

/**
 * How the visitor sends the request: an e-mail (or a POST to the endpoint), or
 * the printed letter that requests with a `letter` offer.
 */
export type RequestAction = 'message' | 'letter';

export interface LetterSpec {
  /** The letter's heading. */
  title: string;
  /** Its fields; the personnummer only ever goes here. */
  fields: readonly FieldName[];
  /** A closing paragraph after the request itself. */
  closing: string;
}

export interface RequestSpec {
  /** The visitor's name for it, also the start of the e-mail subject. */
  label: string;
  /** One sentence under the choice on what it gets the visitor. */
  hint: string;
  /** What the visitor asks for, in the first person, for the message. */
  ask: string;
  /** The GDPR article the right comes from. */
  article: string;
  /** The fields of the e-mail (and the endpoint), in form order. */
  fields: readonly FieldName[];
  /** A paragraph the e-mail ends with, before the reference. */
  note?: string;
  /** A printed, signed letter, for requests that may be made that way. */
  letter?: LetterSpec;
  /** The words that show a paragraph of the privacy policy concerns this request. */
  mentionedBy?: RegExp;
}

/** The privacy requests the contact page composes, by their URL value (`?arende=`), in the order of the GDPR. */
export const REQUEST_TYPES = [
  'registerutdrag',
  'rattelse',
  'radering',
  'begransning',
  'dataportabilitet',
  'invandning',
  'sparr',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUESTS: Readonly<Record<RequestType, RequestSpec>> = {
  registerutdrag: {
    label: 'Registerutdrag',
    hint: 'Du får veta vilka personuppgifter vi behandlar om dig, och en kopia av dem, kostnadsfritt.',
    ask: 'Jag begär ett registerutdrag: information om vilka personuppgifter ni behandlar om mig.',
    article: 'artikel 15',
    fields: ['name', 'email', 'customerNumber'],
    note: 'Jag skickar inte mitt personnummer via e-post. Kontakta mig på e-postadressen ovan om ni behöver det för att kunna identifiera mig.',
    letter: {
      title: 'Begäran om registerutdrag',
      fields: ['name', 'personnummer', 'street', 'postalCode', 'city'],
      closing: 'Skicka utdraget till min folkbokföringsadress.',
    },
    mentionedBy: /registerutdrag/i,
  },
  rattelse: {
    label: 'Rättelse av personuppgifter',
    hint: 'Vi rättar uppgifter om dig som är fel eller ofullständiga.',
    ask: 'Jag begär att ni rättar felaktiga personuppgifter om mig.',
    article: 'artikel 16',
    fields: ['name', 'email', 'wrong', 'correct'],
    mentionedBy: /rättelse|felaktigheter/i,
  },
  radering: {
    label: 'Radering av personuppgifter',
    hint: 'Vi raderar uppgifter om dig som vi inte längre behöver eller inte får behandla, om vi inte måste spara dem enligt lag.',
    ask: 'Jag begär att ni raderar personuppgifter om mig.',
    article: 'artikel 17',
    fields: ['name', 'email', 'customerNumber', 'erasureScope'],
  },
  begransning: {
    label: 'Begränsning av behandling',
    hint: 'Vi sparar dina uppgifter men använder dem inte till något annat medan det som du anger utreds.',
    ask: 'Jag begär att ni begränsar behandlingen av mina personuppgifter.',
    article: 'artikel 18',
    fields: ['name', 'email', 'customerNumber', 'restrictionScope', 'restrictionReason'],
  },
  dataportabilitet: {
    label: 'Dataportabilitet',
    hint: 'Du får de uppgifter du själv har lämnat till oss i ett maskinläsbart format, eller så skickar vi dem till någon annan.',
    ask: 'Jag begär att få ut de personuppgifter om mig som jag har lämnat till er, i ett strukturerat, allmänt använt och maskinläsbart format.',
    article: 'artikel 20',
    fields: ['name', 'email', 'customerNumber', 'portabilityScope', 'portabilityReceiver'],
  },
  invandning: {
    label: 'Invändning mot behandling',
    hint: 'Du invänder mot behandling som vi grundar på ett berättigat intresse; vi slutar om vi inte har tvingande skäl.',
    ask: 'Jag invänder mot att ni behandlar mina personuppgifter.',
    article: 'artikel 21.1',
    fields: ['name', 'email', 'customerNumber', 'objectionScope', 'objectionReason'],
  },
  sparr: {
    label: 'Spärr mot direktmarknadsföring',
    hint: 'Du slipper marknadsföring från oss via de kanaler du väljer. Vi slutar, utan undantag.',
    ask: 'Jag vill inte att mina personuppgifter behandlas för direktmarknadsföring och begär spärr mot marknadsföring.',
    article: 'artikel 21.3',
    fields: ['name', 'email', 'phone', 'customerNumber', 'channels'],
    mentionedBy: /spärr.{0,40}marknadsföring/i,
  },
};

/** Narrows `?arende=` (or anything else) to a request type. */
export function parseRequestType(value: unknown): RequestType | undefined {
  return typeof value === 'string' && (REQUEST_TYPES as readonly string[]).includes(value)
    ? (value as RequestType)
    : undefined;
}

/** The fields a request uses for an action, in the order the form shows them. */
export function fieldsFor(type: RequestType, action: RequestAction): readonly FieldName[] {
  const spec = REQUESTS[type];
  return action === 'letter' && spec.letter ? spec.letter.fields : spec.fields;
}

/** Where a policy asks that requests be signed by hand: then the letter comes first. */
export const SIGNED_LETTER = /egenhändigt\s+undertecknad/i;

/** The policy and addresses a request cites, from the build. */
export interface RequestContext {
  recipient: string;
  postalAddress: string[];
  policy: { version: string; effective: string };
  /** The privacy policy in force asks for a signed letter: offer it first. */
  letterFirst: boolean;
}
