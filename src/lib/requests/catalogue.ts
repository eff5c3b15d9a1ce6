/**
 * The one catalogue of privacy requests: each request's label, help text,
 * article, fields, e-mail wording and letter, and each field's label, limits
 * and checks. The contact page's form, its fallback without JavaScript, the
 * composed e-mail, the endpoint's fields, the letter and the `?arende=` values
 * all come from here, so adding a right is one entry.
 */

/**
 * What a marketing opt-out can cover: each channel, and profiling for marketing,
 * which article 21.2 counts as part of direct marketing.
 */
export const CHANNELS = {
  epost: 'e-post',
  telefon: 'telefon',
  sms: 'sms',
  post: 'post',
  profilering: 'profilering för marknadsföring',
} as const;
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
    // Statistics that rest on consent are not objected to but withdrawn (article 7.3): the hint says so.
    hint: 'Till exempel ett ändamål ur vår integritetspolicy som vi grundar på ett berättigat intresse, som kreditprövning. Har du samtyckt till något, till exempel besöksstatistik, återkallar du i stället ditt samtycke; se Återkalla ett samtycke längre ned.',
    max: 2000,
    rows: 3,
    missing: 'Skriv vilken behandling du invänder mot.',
    inMessage: 'Behandling jag invänder mot',
  },
  objectionReason: {
    label: 'Varför invänder du?',
    hint: 'Berätta vad i din specifika situation som gör att du invänder, så att vi kan väga dina skäl mot våra.',
    max: 2000,
    rows: 3,
    missing: 'Beskriv varför du invänder.',
    inMessage: 'Skäl',
  },
  // Optional, and asked only in the letter: dataskyddslagen 3 kap. 10 § allows it where it is clearly
  // justified, and its reason is secure identification. The example is from Skatteverket's test series.
  personnummer: {
    label: 'Personnummer',
    hint: 'Med personnumret kan vi identifiera dig säkert, också om flera personer har samma namn. Det skrivs bara ut i brevet och skickas aldrig med e-post eller formuläret. 10 eller 12 siffror, till exempel 19900101-2393. Samordningsnummer går också bra.',
    optional: true,
    max: 13,
    check: 'personnummer',
    missing: '',
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
export const CHANNELS_FIELD = { legend: 'Spärren gäller', missing: 'Välj vad spärren ska gälla.' } as const;

/** Everything the form can hold, as typed by the visitor. */
export type RequestValues = Record<TextField, string> & { channels: Channel[] };

/** An empty form. */
export const EMPTY_VALUES: RequestValues = {
  ...(Object.fromEntries(Object.keys(TEXT_FIELDS).map((field) => [field, ''])) as Record<TextField, string>),
  channels: [],
};

/**
 * How the visitor sends the request: an e-mail (or a POST to the endpoint),
 * always offered first, or the printed letter that requests with a `letter`
 * offer where the privacy policy in force mentions one.
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
  /** What the request asks to be told, listed after the first paragraph of the message and the letter. */
  points?: readonly string[];
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
  // Everything article 15 gives: confirmation, a copy (15.3), and the information in 15.1 a–h and 15.2.
  registerutdrag: {
    label: 'Registerutdrag',
    hint: 'Du får veta om vi behandlar personuppgifter om dig och i så fall en kopia av dem, och varför vi behandlar dem, hur länge, vem som får dem och varifrån de kommer. Det kostar ingenting.',
    ask: 'Jag begär ett registerutdrag: en bekräftelse på om ni behandlar personuppgifter om mig och, i så fall, en kopia av de personuppgifter ni behandlar och informationen nedan.',
    points: [
      'ändamålen med behandlingen',
      'vilka kategorier av personuppgifter det gäller',
      'vilka mottagare eller kategorier av mottagare som har fått eller ska få uppgifterna, särskilt mottagare i länder utanför EU/EES och internationella organisationer',
      'hur länge uppgifterna kommer att sparas, eller hur den tiden bestäms',
      'min rätt att begära rättelse eller radering av uppgifterna eller begränsning av behandlingen, och att invända mot behandlingen',
      'min rätt att klaga hos Integritetsskyddsmyndigheten (IMY)',
      'varifrån uppgifterna kommer, om ni inte har fått dem från mig',
      'om ni använder automatiserat beslutsfattande, inklusive profilering, och i så fall meningsfull information om logiken bakom det och vilken betydelse och vilka följder det har för mig',
      'vilka skyddsåtgärder som gäller om uppgifterna förs över till ett land utanför EU/EES eller till en internationell organisation',
    ],
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
    hint: 'Du invänder, av skäl som hänför sig till din specifika situation, mot behandling som vi grundar på ett berättigat intresse. Då slutar vi, om vi inte kan visa tvingande berättigade skäl som väger tyngre än dina intressen, rättigheter och friheter, eller om behandlingen behövs för att fastställa, göra gällande eller försvara rättsliga anspråk.',
    ask: 'Jag invänder, av skäl som hänför sig till min specifika situation, mot att ni behandlar mina personuppgifter med stöd av ett berättigat intresse.',
    article: 'artikel 21.1',
    fields: ['name', 'email', 'customerNumber', 'objectionScope', 'objectionReason'],
  },
  sparr: {
    label: 'Spärr mot direktmarknadsföring',
    hint: 'Vi slutar använda dina uppgifter för direktmarknadsföring, också för profilering för marknadsföring, i det du väljer. Vi slutar, utan undantag.',
    ask: 'Jag invänder mot att mina personuppgifter behandlas för direktmarknadsföring, också profilering som hör ihop med sådan marknadsföring, och begär spärr mot marknadsföring.',
    article: 'artikel 21.2–21.3',
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

/** Where a policy asks that requests be signed by hand: a letter stays on offer, after e-mail. */
export const SIGNED_LETTER = /egenhändigt\s+undertecknad/i;

/** The policy and addresses a request cites, from the build (see `requestContext` in ./context.ts). */
export interface RequestContext {
  /** Where requests go by e-mail. */
  recipient: string;
  /** Where letters go, line by line: the privacy policy version's own, or the company's address. */
  postalAddress: string[];
  policy: { version: string; effective: string };
  /** The privacy policy in force mentions a letter: offer one, after e-mail, never required. */
  offersLetter: boolean;
}
