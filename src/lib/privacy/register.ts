// Plain types and functions only, like the cookie declaration: the schemas are in ../schema/register.ts.
import type { ToolsConfig } from '../consent/toolCatalog.ts';

/** The legal bases of GDPR art. 6(1), (a) to (f), by the id an editor writes. */
export const LEGAL_BASIS_IDS = [
  'consent',
  'contract',
  'legal-obligation',
  'vital-interests',
  'public-task',
  'legitimate-interests',
] as const;
export type LegalBasisId = (typeof LEGAL_BASIS_IDS)[number];

export interface LegalBasisInfo {
  /** Its name in plain Swedish. */
  title: string;
  /** Where it stands: "artikel 6.1 a". */
  article: string;
  /** One sentence saying what it means for the visitor. */
  meaning: string;
}

/** Each legal basis as the privacy policy explains it. */
export const LEGAL_BASES: Readonly<Record<LegalBasisId, LegalBasisInfo>> = {
  consent: {
    title: 'Samtycke',
    article: 'artikel 6.1 a',
    meaning: 'Du har gett ditt samtycke och kan när som helst återkalla det.',
  },
  contract: {
    title: 'Avtal',
    article: 'artikel 6.1 b',
    meaning: 'Behandlingen behövs för att fullgöra ett avtal med dig, eller för att ingå ett.',
  },
  'legal-obligation': {
    title: 'Rättslig förpliktelse',
    article: 'artikel 6.1 c',
    meaning: 'Vi är skyldiga enligt lag att behandla uppgifterna.',
  },
  'vital-interests': {
    title: 'Grundläggande intresse',
    article: 'artikel 6.1 d',
    meaning: 'Behandlingen behövs för att skydda ditt eller någon annans liv eller hälsa.',
  },
  'public-task': {
    title: 'Allmänt intresse',
    article: 'artikel 6.1 e',
    meaning: 'Behandlingen behövs för en uppgift av allmänt intresse eller som led i myndighetsutövning.',
  },
  'legitimate-interests': {
    title: 'Berättigat intresse',
    article: 'artikel 6.1 f',
    meaning: 'Vi har ett berättigat intresse som väger tyngre än ditt intresse av att uppgifterna inte behandlas.',
  },
};

/**
 * How a recipient stands to the company: a processor acts for it; a controller
 * (an auditor, a credit reference agency) decides for itself; a joint controller
 * decides the purposes and means together with it, as a third party whose tags
 * the site embeds does for the collection and transmission (CJEU C-40/17, Fashion ID).
 */
export const RECIPIENT_ROLES = ['processor', 'controller', 'joint-controller'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const RECIPIENT_ROLE_LABELS: Readonly<Record<RecipientRole, string>> = {
  processor: 'personuppgiftsbiträde, som behandlar uppgifterna för vår räkning',
  controller: 'självständigt personuppgiftsansvarig',
  'joint-controller': 'gemensamt personuppgiftsansvarig med oss (artikel 26)',
};

/** The safeguards of GDPR art. 45–46 for a transfer outside the EU/EEA. */
export const SAFEGUARD_IDS = ['adequacy', 'data-privacy-framework', 'standard-contractual-clauses'] as const;
export type SafeguardId = (typeof SAFEGUARD_IDS)[number];

export const SAFEGUARD_LABELS: Readonly<Record<SafeguardId, string>> = {
  adequacy: 'EU-kommissionens beslut om adekvat skyddsnivå (artikel 45)',
  'data-privacy-framework':
    'EU–US Data Privacy Framework, EU-kommissionens beslut om adekvat skyddsnivå av den 10 juli 2023 (artikel 45)',
  'standard-contractual-clauses': 'EU-kommissionens standardavtalsklausuler (artikel 46.2 c)',
};

/**
 * The systems through which the site or the company processes personal data
 * (the statistics and marketing tools, the consent log, the ways privacy
 * requests arrive), by the id a register entry names in `tool`.
 */
export const SYSTEM_IDS = ['matomo', 'gtm', 'consentLog', 'requestEndpoint', 'requestEmail'] as const;
export type SystemId = (typeof SYSTEM_IDS)[number];

/** Each system's name, for the build's messages. */
export const SYSTEM_NAMES: Readonly<Record<SystemId, string>> = {
  matomo: 'Matomo (PUBLIC_MATOMO_URL)',
  gtm: 'Google Tag Manager (PUBLIC_GTM_ID)',
  consentLog: 'the consent log (PUBLIC_CONSENT_LOG_URL)',
  requestEndpoint: 'the request endpoint (PUBLIC_CONTACT_ENDPOINT)',
  requestEmail: 'privacy requests by e-mail (site.config.ts privacyRequests.recipient)',
};

export interface Recipient {
  /** A name ("Fortnox AB") or a category ("vår revisor"). */
  name: string;
  role: RecipientRole;
  /** With a joint controller only: the essence of the arrangement between us, in Swedish (art. 26(2)). */
  arrangement?: string | undefined;
}

export interface Transfer {
  /** The country outside the EU/EEA, in Swedish: "USA". */
  country: string;
  /** Who receives the data there, if it is not obvious from the recipients. */
  recipient?: string | undefined;
  safeguard: SafeguardId;
  /** The safeguard the transfer rests on should the first one fall, such as standard contractual clauses. */
  fallback?: SafeguardId | undefined;
}

/** A recipient as the register shows it: its name and role, and with a joint controller the essence of the arrangement. */
export function describeRecipient(recipient: Recipient): string {
  const role = `${recipient.name}: ${RECIPIENT_ROLE_LABELS[recipient.role]}`;
  return recipient.arrangement ? `${role}. Det väsentliga i arrangemanget mellan oss: ${recipient.arrangement}` : role;
}

/** A transfer as the register shows it: the country, who receives the data there, the safeguard and any fallback. */
export function describeTransfer(transfer: Transfer): string {
  const where = transfer.recipient ? `${transfer.country} (${transfer.recipient})` : transfer.country;
  const fallback = transfer.fallback
    ? `; skulle det upphöra att gälla, med stöd av ${SAFEGUARD_LABELS[transfer.fallback]}`
    : '';
  return `${where}, med stöd av ${SAFEGUARD_LABELS[transfer.safeguard]}${fallback}`;
}

/**
 * Whether a transfer rests, or would fall back, on standard contractual clauses:
 * the policy must then say how to get a copy of them (GDPR art. 13(1)(f)).
 */
export const offersSafeguardCopy = (transfers: readonly Transfer[]): boolean =>
  transfers.some(
    (transfer) =>
      transfer.safeguard === 'standard-contractual-clauses' || transfer.fallback === 'standard-contractual-clauses',
  );

/** Whether the person must provide the data (GDPR art. 13(2)(e)). */
export interface Requirement {
  /** True when the person has to provide it: by law, by contract or to enter into one. */
  mandatory: boolean;
  /** Why, and what follows if they don't, in Swedish. */
  consequence: string;
}

/** One purpose of the processing register: what the privacy policy says about it (GDPR art. 13–14). */
export interface ProcessingEntry {
  purpose: string;
  data: string[];
  subjects: string[];
  legalBasis: LegalBasisId;
  /** With legitimate interests: the interest, in words. */
  interest?: string | undefined;
  /** With a legal obligation: the law that imposes it. */
  law?: string | undefined;
  retention: string;
  /** Empty when nobody outside the company receives the data. */
  recipients: Recipient[];
  /** Empty when nothing leaves the EU/EEA. */
  transfers: Transfer[];
  /** Where the data come from, when not from the person (art. 14). */
  source?: string | undefined;
  required?: Requirement | undefined;
  /** Automated decisions, profiling included (art. 22), where there are any. */
  automatedDecisions?: string | undefined;
  /** The configured systems this entry covers. */
  tool?: SystemId | SystemId[] | undefined;
}

/** A data protection officer (GDPR art. 37–39), where the company has one. */
export interface DataProtectionOfficer {
  name: string;
  email: string;
  phone?: string | undefined;
}

/** The systems an entry covers, as a list. */
export const entrySystems = (entry: ProcessingEntry): SystemId[] =>
  entry.tool === undefined ? [] : Array.isArray(entry.tool) ? entry.tool : [entry.tool];

/** A problem in an entry: the field, and within it the path to the item, with a message. */
export interface EntryProblem {
  field: keyof ProcessingEntry;
  /** Within the field: a recipient's or transfer's index and field. */
  at?: (string | number)[];
  message: string;
}

/**
 * Problems in an entry's recipients and transfers: a joint controller without
 * the essence of the arrangement (art. 26(2)), an arrangement on another role,
 * a fallback safeguard that is the safeguard itself.
 */
function partyProblems(entry: ProcessingEntry): EntryProblem[] {
  const recipients = entry.recipients.flatMap((recipient, index): EntryProblem[] => {
    if (recipient.role === 'joint-controller' && !recipient.arrangement) {
      return [
        {
          field: 'recipients',
          at: [index, 'arrangement'],
          message:
            '"arrangement" is missing: with role joint-controller, say in Swedish what the essence of the arrangement is (GDPR art. 26(2))',
        },
      ];
    }
    if (recipient.role !== 'joint-controller' && recipient.arrangement) {
      return [
        {
          field: 'recipients',
          at: [index, 'arrangement'],
          message: `"arrangement" belongs to role joint-controller, but this recipient's role is ${recipient.role}`,
        },
      ];
    }
    return [];
  });
  const transfers = entry.transfers.flatMap((transfer, index): EntryProblem[] =>
    transfer.fallback === transfer.safeguard
      ? [
          {
            field: 'transfers',
            at: [index, 'fallback'],
            message: `"fallback" is the safeguard itself (${transfer.safeguard}): name another one, or leave it out`,
          },
        ]
      : [],
  );
  return [...recipients, ...transfers];
}

/**
 * Problems that span an entry's fields, as messages naming the field. Empty
 * when the entry is sound.
 */
export function entryProblems(entry: ProcessingEntry): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (entry.legalBasis === 'legitimate-interests' && !entry.interest) {
    problems.push({
      field: 'interest',
      message: '"interest" is missing: with legalBasis legitimate-interests, say in Swedish what the interest is',
    });
  }
  if (entry.legalBasis !== 'legitimate-interests' && entry.interest) {
    problems.push({
      field: 'interest',
      message: `"interest" belongs to legalBasis legitimate-interests, but this entry's legalBasis is ${entry.legalBasis}`,
    });
  }
  if (entry.legalBasis === 'legal-obligation' && !entry.law) {
    problems.push({
      field: 'law',
      message: '"law" is missing: with legalBasis legal-obligation, name the law, such as bokföringslagen (1999:1078)',
    });
  }
  if (entry.legalBasis !== 'legal-obligation' && entry.law) {
    problems.push({
      field: 'law',
      message: `"law" belongs to legalBasis legal-obligation, but this entry's legalBasis is ${entry.legalBasis}`,
    });
  }
  if (!entry.required && !entry.source) {
    problems.push({
      field: 'required',
      message:
        '"required" is missing: say whether the person must provide the data and what follows if they don\'t, or, where the data come from elsewhere, give "source"',
    });
  }
  return [...problems, ...partyProblems(entry)];
}

/** Problems across a register's entries: two entries with one purpose. */
export function registerProblems(entries: readonly ProcessingEntry[]): { index: number; message: string }[] {
  const seen = new Set<string>();
  return entries.flatMap((entry, index) => {
    const key = entry.purpose.toLowerCase();
    if (seen.has(key)) return [{ index, message: `"purpose" "${entry.purpose}" is declared twice` }];
    seen.add(key);
    return [];
  });
}

/**
 * The systems a build processes personal data through: the configured tools,
 * the consent log and the request endpoint when set, and always the e-mail
 * that privacy requests are composed for.
 */
export function configuredSystems(config: {
  tools: ToolsConfig;
  consentLogUrl: string | undefined;
  contactEndpoint: string | undefined;
}): SystemId[] {
  return [
    ...(config.tools.matomo ? (['matomo'] as const) : []),
    ...(config.tools.gtm ? (['gtm'] as const) : []),
    ...(config.consentLogUrl ? (['consentLog'] as const) : []),
    ...(config.contactEndpoint ? (['requestEndpoint'] as const) : []),
    'requestEmail',
  ];
}

/**
 * Every configured system that no entry of the register covers, as a message
 * naming it. `systems` are those the build is configured with.
 */
export function uncoveredSystems(systems: readonly SystemId[], entries: readonly ProcessingEntry[]): string[] {
  const covered = new Set(entries.flatMap(entrySystems));
  return systems
    .filter((system) => !covered.has(system))
    .map(
      (system) =>
        `${SYSTEM_NAMES[system]} processes personal data, but no entry of the privacy policy's processing register covers it (tool: ${system}).`,
    );
}

/** The fields compared between versions, in the order the changes page names them. */
const COMPARED = [
  'data',
  'subjects',
  'legalBasis',
  'interest',
  'law',
  'retention',
  'recipients',
  'transfers',
  'source',
  'required',
  'automatedDecisions',
] as const satisfies readonly (keyof ProcessingEntry)[];
export type ComparedField = (typeof COMPARED)[number];

export interface RegisterChanges {
  added: ProcessingEntry[];
  removed: ProcessingEntry[];
  /** Entries with the same purpose in both, with what differs. */
  changed: { before: ProcessingEntry; after: ProcessingEntry; fields: ComparedField[] }[];
}

/** What a new version changes in the register, purpose by purpose. */
export function compareRegisters(
  before: readonly ProcessingEntry[],
  after: readonly ProcessingEntry[],
): RegisterChanges {
  const key = (entry: ProcessingEntry) => entry.purpose.toLowerCase();
  const old = new Map(before.map((entry) => [key(entry), entry]));
  const next = new Map(after.map((entry) => [key(entry), entry]));
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return {
    added: after.filter((entry) => !old.has(key(entry))),
    removed: before.filter((entry) => !next.has(key(entry))),
    changed: after.flatMap((entry) => {
      const previous = old.get(key(entry));
      if (!previous) return [];
      const fields = COMPARED.filter((field) => !same(previous[field], entry[field]));
      return fields.length > 0 ? [{ before: previous, after: entry, fields }] : [];
    }),
  };
}
