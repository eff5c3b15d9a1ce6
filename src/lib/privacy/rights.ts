import type { RequestType } from '../requests/catalogue.ts';

export const RIGHT_IDS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'directMarketing',
  'withdrawConsent',
  'complaint',
] as const;
export type RightId = (typeof RIGHT_IDS)[number];

export interface Right {
  id: RightId;
  /** Its name, as a heading. */
  title: string;
  /** Where it stands in the GDPR: "artikel 15". */
  article: string;
  /** One plain sentence on what it gives the visitor. */
  sentence: string;
  /** The contact page's request for it, where it is one. */
  request?: RequestType;
  /**
   * The rights to object must be brought to the visitor's attention clearly and
   * separately from other information (GDPR art. 21(4)).
   */
  separate?: true;
}

/**
 * The data subject's rights, in the order of the GDPR: the privacy policy's
 * "Dina rättigheter" and its links to the contact page come from here.
 */
export const RIGHTS: readonly Right[] = [
  {
    id: 'access',
    title: 'Rätt till tillgång (registerutdrag)',
    article: 'artikel 15',
    sentence:
      'Du har rätt att få veta om vi behandlar personuppgifter om dig och i så fall få en kostnadsfri kopia av dem, med information om hur vi behandlar dem.',
    request: 'registerutdrag',
  },
  {
    id: 'rectification',
    title: 'Rätt till rättelse',
    article: 'artikel 16',
    sentence: 'Du har rätt att få felaktiga uppgifter om dig rättade och ofullständiga uppgifter kompletterade.',
    request: 'rattelse',
  },
  {
    id: 'erasure',
    title: 'Rätt till radering',
    article: 'artikel 17',
    sentence:
      'Du har rätt att få dina uppgifter raderade, till exempel när vi inte längre behöver dem eller när du återkallar ett samtycke, om vi inte måste spara dem enligt lag.',
    request: 'radering',
  },
  {
    id: 'restriction',
    title: 'Rätt till begränsning av behandling',
    article: 'artikel 18',
    sentence:
      'Du har rätt att begära att vi tills vidare bara sparar dina uppgifter, till exempel medan vi utreder om de är korrekta.',
    request: 'begransning',
  },
  {
    id: 'portability',
    title: 'Rätt till dataportabilitet',
    article: 'artikel 20',
    sentence:
      'Du har rätt att få de uppgifter du själv har lämnat till oss i ett maskinläsbart format, eller få dem överförda till någon annan, när vi behandlar dem automatiserat med stöd av ditt samtycke eller ett avtal med dig.',
    request: 'dataportabilitet',
  },
  {
    id: 'objection',
    title: 'Rätt att invända',
    article: 'artikel 21.1',
    sentence:
      'Du har rätt att när som helst invända mot behandling som vi grundar på ett berättigat intresse. Vi slutar då, om vi inte kan visa tvingande skäl som väger tyngre än dina intressen.',
    request: 'invandning',
    separate: true,
  },
  {
    id: 'directMarketing',
    title: 'Rätt att invända mot direktmarknadsföring',
    article: 'artikel 21.2–21.3',
    sentence:
      'Du har rätt att när som helst invända mot att vi använder dina uppgifter för direktmarknadsföring. Då slutar vi med det, utan undantag.',
    request: 'sparr',
    separate: true,
  },
  {
    id: 'withdrawConsent',
    title: 'Rätt att återkalla samtycke',
    article: 'artikel 7.3',
    sentence:
      'Där vi behandlar dina uppgifter med stöd av ditt samtycke kan du när som helst återkalla det, lika enkelt som du gav det. Det påverkar inte behandlingen innan du återkallade det.',
  },
  {
    id: 'complaint',
    title: 'Rätt att klaga hos Integritetsskyddsmyndigheten',
    article: 'artikel 77',
    sentence:
      'Om du anser att vi behandlar dina uppgifter fel kan du lämna klagomål till Integritetsskyddsmyndigheten (IMY), som är tillsynsmyndighet i Sverige.',
  },
];

/** Integritetsskyddsmyndigheten's page for people who want to complain. */
export const IMY_URL = 'https://www.imy.se/privatperson/';
