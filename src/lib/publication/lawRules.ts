/**
 * The current-law check: references to law and practice that are out of date,
 * found line by line in a version's file. One catalogue of rules, each with its
 * source, so that a new rule is one entry.
 */
import { splitFrontmatter } from '../frontmatter.ts';
import { NECESSARY } from '../consent/categories.ts';
import { TOOLS, type ToolsConfig } from '../consent/toolCatalog.ts';
import { RIGHTS, type RightId } from '../privacy/rights.ts';
import { LEGAL_BASIS_IDS, SAFEGUARD_IDS, type LegalBasisId, type SafeguardId } from '../privacy/register.ts';

export interface LawRule {
  id: string;
  /**
   * What it finds. Build it with `phrase`, so that it matches case-insensitively,
   * whole words only, and across a line break where a phrase is wrapped.
   */
  pattern: RegExp;
  /** Flag the phrase only in a sentence that also matches this ("en gång per år" only where access is meant). */
  onlyIn?: RegExp;
  /** Leave the phrase alone in a sentence that matches this: one that explains the change rather than states the old rule. */
  explained?: RegExp;
  /** Why the phrase is wrong today. */
  why: string;
  /** What to write instead. */
  instead: string;
  /** Where that is established. */
  source: string;
}

/** Whitespace within one paragraph: spaces, or one line break where a phrase is wrapped, never a blank line. */
const GAP = String.raw`(?:[^\S\n]|\n(?![^\S\n]*\n))+`;

/**
 * A rule's pattern from its alternatives, written with single spaces: matched
 * case-insensitively, across a wrapped line, and as whole words (a Swedish
 * letter counts as a letter, which `\b` does not know).
 */
export function phrase(...alternatives: string[]): RegExp {
  const body = alternatives.map((alternative) => alternative.replaceAll(' ', GAP)).join('|');
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${body})(?![\p{L}\p{N}])`, 'giu');
}

/** Any inflection of a word: "personuppgiftslag" + en, ens, ar… */
const INFLECTED = String.raw`\p{L}*`;

/**
 * A sentence that says an old law or body was replaced explains the change; it
 * does not cite the old law as in force ("personuppgiftslagen har ersatts av
 * dataskyddsförordningen").
 */
const EXPLAINS_CHANGE =
  /(?<![\p{L}])(?:ersatt(?:s|es|e)?|ersätts|upphäv(?:d|des|ts|t)|upphört|ogiltigförklara(?:des|ts|t)?|underkän(?:des|ts|t)|bytte namn|heter numera|heter nu|tidigare hette|hette tidigare|gäller inte längre|inte längre gäller)(?![\p{L}])|[(,]\s*tidigare\s/iu;

export const LAW_RULES: readonly LawRule[] = [
  {
    id: 'personuppgiftslagen',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(
      String.raw`personuppgiftslag${INFLECTED}(?: \((?:SFS )?(?:1998:204|PuL)\))?`,
      'PuL',
      String.raw`(?:SFS )?1998:204`,
    ),
    why: 'Personuppgiftslagen (SFS 1998:204) was repealed on 25 May 2018, when the GDPR began to apply.',
    instead:
      'Cite EU:s dataskyddsförordning (EU) 2016/679 (GDPR) and lag (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen).',
    source:
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2018218-med-kompletterande-bestammelser-till_sfs-2018-218/',
  },
  {
    id: 'old-lek',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(
      String.raw`(?:SFS )?2003:389`,
      String.raw`6 kap\. ?18 ?§`,
      'lagen om elektronisk kommunikation som trädde i kraft den 1 juli 2011',
      'trädde i kraft den 1 juli 2011',
    ),
    why: 'The cookie rule of lag (2003:389) om elektronisk kommunikation, 6 kap. 18 §, in force from 1 July 2011, was replaced in 2022.',
    instead: 'Cite lag (2022:482) om elektronisk kommunikation, 9 kap. 28 §.',
    source:
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2022482-om-elektronisk-kommunikation_sfs-2022-482/',
  },
  {
    id: 'datainspektionen',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(`Datainspektion${INFLECTED}`),
    why: 'Datainspektionen was renamed Integritetsskyddsmyndigheten (IMY) on 1 January 2021.',
    instead: 'Write Integritetsskyddsmyndigheten (IMY), imy.se.',
    source: 'https://www.imy.se/om-oss/',
  },
  {
    id: 'access-once-a-year',
    pattern: phrase(String.raw`en gång (?:per|om|i|varje) (?:kalender)?år(?:et)?`),
    // Once a year is a fine thing to say of a newsletter; it is the old PuL rule only when it limits access.
    onlyIn: /registerutdrag|utdrag|tillgång|få information|få veta|kopia av|insyn|artikel 15|begära ut/iu,
    explained: /utan (?:någon )?begränsning|ingen begränsning|inte (?:längre )?begränsa|inte längre|upphävd|gällde/iu,
    why: 'The GDPR sets no limit of once a year on the right of access (that was a rule of personuppgiftslagen).',
    instead:
      'Say that access is free of charge (GDPR art. 12(5)) and that a reasonable fee may be charged only for further copies (art. 15(3)).',
    source: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  {
    id: 'signed-request',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(`egenhändigt underteckna${INFLECTED}`, `egenhändig${INFLECTED} underskrift`),
    why: 'The GDPR lets people make requests electronically; a request need not be signed by hand (that was a rule of personuppgiftslagen).',
    instead:
      'Say that requests may be made by e-mail or letter (GDPR art. 12(1)–(3)), and that identity is checked only as far as reasonable doubt requires (art. 12(6)).',
    source: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  {
    id: 'personvern',
    pattern: phrase(`personvern${INFLECTED}`),
    why: '"Personvern" is Norwegian.',
    instead: 'Write integritet or dataskydd (integritetspolicy for the policy itself).',
    source: 'https://www.imy.se/',
  },
  {
    id: 'safe-harbor',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(String.raw`(?:EU[-–—\s]*(?:US|USA)[-–—\s]*)?Safe[-\s]?Harbou?r${INFLECTED}`),
    why: 'The Court of Justice invalidated the Safe Harbor decision on 6 October 2015 (C-362/14, Schrems I); no transfer can rest on it.',
    instead:
      'Name the safeguard that applies now (GDPR art. 13(1)(f)): the EU–US Data Privacy Framework (adequacy decision of 10 July 2023) for a certified recipient, or standard contractual clauses (Commission decision (EU) 2021/914), and say how to get a copy.',
    source: 'https://curia.europa.eu/juris/liste.jsf?num=C-362/14',
  },
  {
    id: 'privacy-shield',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(String.raw`(?:EU[-–—\s]*(?:US|USA)[-–—\s]*)?Privacy[-\s]?Shield${INFLECTED}`),
    why: 'The Court of Justice invalidated the EU–US Privacy Shield on 16 July 2020 (C-311/18, Schrems II); no transfer can rest on it.',
    instead:
      'Name the safeguard that applies now (GDPR art. 13(1)(f)): the EU–US Data Privacy Framework (adequacy decision of 10 July 2023) for a certified recipient, or standard contractual clauses (Commission decision (EU) 2021/914), and say how to get a copy.',
    source: 'https://curia.europa.eu/juris/liste.jsf?num=C-311/18',
  },
  {
    id: 'implied-consent',
    pattern: phrase(
      String.raw`(?:genom att|om du|när du) (?:fortsätta|fortsätter|fortsatt) (?:att )?(?:surfa|använda|besöka|navigera|vara kvar|stanna)[^.!?]{0,160}?(?:godkänner|samtycker|accepterar|medger|går med på)`,
      String.raw`(?:godkänner|samtycker|accepterar|medger) du[^.!?]{0,160}?(?:genom att|om du|när du) (?:fortsätta|fortsätter|fortsatt) (?:att )?(?:surfa|använda|besöka|navigera)`,
    ),
    why: 'Carrying on browsing is no consent: consent must be an unambiguous, active indication (GDPR art. 4(11); CJEU C-673/17, Planet49; EDPB Guidelines 05/2020 §§ 79–86).',
    instead:
      'Ask before any storage that is not strictly necessary, with accept and reject on the same layer, and say that nothing but the necessary is stored until the visitor chooses (LEK 9 kap. 28 §).',
    source: 'https://curia.europa.eu/juris/liste.jsf?num=C-673/17',
  },
  {
    id: 'browser-settings-consent',
    pattern: phrase(
      String.raw`(?:samtycker|godkänner|accepterar|medger) du`,
      String.raw`ger du (?:ditt )?(?:samtycke|medgivande)`,
      String.raw`(?:räknas|gäller|ses|anses) (?:som|vara) (?:ett |ditt )?(?:samtycke|medgivande|godkännande)`,
      String.raw`innebär att du (?:samtycker|godkänner|accepterar)`,
    ),
    // Consent claimed from how the browser is set: only then.
    onlyIn: /webbläsar\p{L}*|browser/iu,
    why: "A browser's settings are no valid consent: they cannot express a specific, informed choice per purpose (EDPB Guidelines 05/2020 § 86).",
    instead:
      'Ask for consent in the banner, per purpose; say that the browser can also block or delete cookies, not that its settings count as consent.',
    source:
      'https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052020-consent-under-regulation-2016679_en',
  },
  {
    id: 'directive-95-46',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(String.raw`(?:dataskydds)?direktiv${INFLECTED} 95/46(?:/EG|/EC)?`, String.raw`95/46/(?:EG|EC)`),
    why: 'Directive 95/46/EC was repealed by the GDPR from 25 May 2018 (GDPR art. 94).',
    instead: 'Cite EU:s dataskyddsförordning (EU) 2016/679 (GDPR).',
    source: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  {
    id: 'personuppgiftsombud',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(`personuppgiftsombud${INFLECTED}`),
    why: 'Personuppgiftsombud was a role under personuppgiftslagen; the GDPR has a dataskyddsombud (data protection officer, art. 37–39).',
    instead:
      'Write dataskyddsombud, with contact details (GDPR art. 13(1)(b)), or leave it out if the company has none.',
    source: 'https://www.imy.se/verksamhet/dataskydd/det-har-galler-enligt-gdpr/dataskyddsombud/',
  },
  {
    id: 'article-29-working-party',
    explained: EXPLAINS_CHANGE,
    pattern: phrase(
      String.raw`artikel 29[-–—\s]?grupp${INFLECTED}`,
      String.raw`Article 29 Working Party`,
      String.raw`WP ?29`,
    ),
    why: 'The Article 29 Working Party was replaced by the European Data Protection Board on 25 May 2018 (GDPR art. 68 and 94(2)).',
    instead: 'Write Europeiska dataskyddsstyrelsen (EDPB), edpb.europa.eu.',
    source: 'https://www.edpb.europa.eu/about-edpb/who-we-are/legal-framework_en',
  },
];

export interface LawFinding {
  rule: LawRule;
  /** 1-based line in the file. */
  line: number;
  /** The phrase as it stands there, a wrapped line joined by a space. */
  phrase: string;
}

/** Top-level frontmatter fields that describe a change rather than state the policy: they may name an old law. */
const DESCRIBING_CHANGES = new Set(['summary', 'changes']);

/**
 * The file's text that states the policy: the body and the frontmatter, less
 * `summary` and `changes`, which say what changed and may well name what was
 * replaced. Lines left out are blanked, so that a line number stays the file's.
 */
function policyText(fileText: string): string {
  const lines = fileText.split(/\r?\n/);
  const split = splitFrontmatter(fileText);
  const frontmatterEnd = split ? split.frontmatter.split(/\r?\n/).length + 2 : 0;
  let describing = false;
  return lines
    .map((text, index) => {
      if (index > 0 && index < frontmatterEnd - 1) {
        const key = /^([A-Za-z_][\w-]*):/.exec(text)?.[1];
        if (key !== undefined) describing = DESCRIBING_CHANGES.has(key);
        if (describing) return '';
      } else if (index < frontmatterEnd) {
        return '';
      }
      return text;
    })
    .join('\n');
}

/** A sentence ends at . ! or ? before a capital, or at a blank line. */
const SENTENCE_END = /[.!?](?=\s+[\p{Lu}"”»])|\n[^\S\n]*\n/gu;

/** The sentence around [start, end) of a text. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const stop = match.index + match[0].length;
    if (stop <= start) from = stop;
    else if (match.index >= end) {
      to = match.index + 1;
      break;
    }
  }
  return text.slice(from, to);
}

/** One finding in any text: where it starts (0-based offset) and the phrase. */
export interface TextFinding {
  rule: LawRule;
  index: number;
  phrase: string;
}

/**
 * Every out-of-date reference in a piece of text, in order: case-insensitive,
 * across wrapped lines, skipping sentences that explain the change.
 */
export function textFindings(text: string, rules: readonly LawRule[] = LAW_RULES): TextFinding[] {
  return rules
    .flatMap((rule) =>
      [...text.matchAll(rule.pattern)].flatMap((match) => {
        const sentence = sentenceAround(text, match.index, match.index + match[0].length);
        if (rule.onlyIn && !rule.onlyIn.test(sentence)) return [];
        if (rule.explained?.test(sentence)) return [];
        return [{ rule, index: match.index, phrase: match[0].replace(/\s+/g, ' ') }];
      }),
    )
    .sort((a, b) => a.index - b.index);
}

/** Every out-of-date reference in a version's file, in file order. */
export function lawFindings(fileText: string, rules: readonly LawRule[] = LAW_RULES): LawFinding[] {
  const text = policyText(fileText);
  return textFindings(text, rules).map(({ rule, index, phrase: found }) => ({
    rule,
    line: text.slice(0, index).split('\n').length,
    phrase: found,
  }));
}

/** A finding as a report or refusal shows it: where and what on the first line, then why, what instead and the source. */
export function describeFinding(source: string, finding: LawFinding): string {
  return [
    `${source}:${finding.line}: "${finding.phrase}" (rule ${finding.rule.id})`,
    `    Why: ${finding.rule.why}`,
    `    Write instead: ${finding.rule.instead}`,
    `    Source: ${finding.rule.source}`,
  ].join('\n');
}

/** The controller as the pages name it (GDPR art. 13(1)(a)): from src/site.config.ts. */
export interface Controller {
  name: string;
  orgNr: string;
  email: string;
  address: string;
}

/** What the art. 13 check reads: a privacy policy version's frontmatter as written, and the build's configuration. */
export interface Art13Facts {
  controller: Controller;
  /** The version's frontmatter, as written: read defensively, since policy:check reads files the schema has not seen. */
  frontmatter: Record<string, unknown>;
  /** The tools the build is configured with: each one that is not strictly necessary needs consent. */
  tools?: ToolsConfig;
}

const text = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const toolsOf = (entry: Record<string, unknown>): unknown[] =>
  Array.isArray(entry['tool']) ? entry['tool'] : entry['tool'] === undefined ? [] : [entry['tool']];

/**
 * Each GDPR art. 13 element a privacy policy version does not give, derived
 * from what its page is made of: the controller from the site's configuration,
 * every purpose with its legal basis, interest, recipients, transfers,
 * retention and whether the data must be provided from the processing
 * register, the rights from their catalogue (which the page shows with a
 * register), and, for every configured tool whose cookies are not strictly
 * necessary, a register entry resting on consent. Empty when nothing is missing.
 */
export function art13Gaps({ controller, frontmatter, tools = {} }: Art13Facts): string[] {
  const gaps: string[] = [];
  if (!controller.name || !controller.orgNr || !controller.email || !controller.address) {
    gaps.push("the controller's identity and contact details (art. 13(1)(a)): complete site in src/site.config.ts");
  }
  const processing = frontmatter['processing'];
  if (!Array.isArray(processing) || processing.length === 0) {
    gaps.push(
      'the purposes and their legal bases (art. 13(1)(c)), the recipients (13(1)(e)), transfers (13(1)(f)), retention (13(2)(a)) and the rights (13(2)(b)–(d)): add a processing register ("processing") with an entry per purpose',
    );
    return gaps;
  }
  const entries = processing.map(record);
  entries.forEach((entry, index) => {
    const purpose = text(entry['purpose']) ? `"${String(entry['purpose'])}"` : `processing.${index}`;
    if (!text(entry['purpose'])) gaps.push(`the purpose of ${purpose} (art. 13(1)(c))`);
    const basis = entry['legalBasis'];
    if (!LEGAL_BASIS_IDS.includes(basis as LegalBasisId)) {
      gaps.push(
        `the legal basis for ${purpose} (art. 13(1)(c)): set legalBasis to one of ${LEGAL_BASIS_IDS.join(', ')}`,
      );
    }
    if (basis === 'legitimate-interests' && !text(entry['interest'])) {
      gaps.push(`the legitimate interest pursued for ${purpose} (art. 13(1)(d)): set interest`);
    }
    if (basis === 'legal-obligation' && !text(entry['law'])) {
      gaps.push(`the law that obliges the processing for ${purpose} (art. 6(3)): set law`);
    }
    if (!Array.isArray(entry['recipients'])) {
      gaps.push(`the recipients for ${purpose} (art. 13(1)(e)): list them, or write recipients: []`);
    }
    const transfers = entry['transfers'];
    if (!Array.isArray(transfers)) {
      gaps.push(
        `whether data for ${purpose} leave the EU/EEA (art. 13(1)(f)): list the transfers, or write transfers: []`,
      );
    } else if (
      transfers.map(record).some((transfer) => !SAFEGUARD_IDS.includes(transfer['safeguard'] as SafeguardId))
    ) {
      gaps.push(`the safeguard for each transfer of ${purpose} (art. 13(1)(f))`);
    }
    if (!text(entry['retention'])) gaps.push(`how long the data are kept, for ${purpose} (art. 13(2)(a))`);
    const required = record(entry['required']);
    if (!text(entry['source']) && (typeof required['mandatory'] !== 'boolean' || !text(required['consequence']))) {
      gaps.push(
        `whether the data for ${purpose} must be provided, and what follows if not (art. 13(2)(e)): set required`,
      );
    }
  });
  const bases = new Set(entries.map((entry) => entry['legalBasis']));
  const rights = new Set(RIGHTS.map((right) => right.id));
  const owed: [RightId, string, boolean][] = [
    ['access', 'the right of access (art. 15)', true],
    ['rectification', 'the right to rectification (art. 16)', true],
    ['erasure', 'the right to erasure (art. 17)', true],
    ['restriction', 'the right to restriction (art. 18)', true],
    ['portability', 'the right to data portability (art. 20)', bases.has('consent') || bases.has('contract')],
    ['objection', 'the right to object (art. 21(1))', bases.has('legitimate-interests') || bases.has('public-task')],
    ['withdrawConsent', 'that consent can be withdrawn at any time (art. 13(2)(c))', bases.has('consent')],
    ['complaint', 'the right to complain to IMY (art. 13(2)(d), art. 77)', true],
  ];
  for (const [id, what, applies] of owed) if (applies && !rights.has(id)) gaps.push(what);
  for (const key of Object.keys(tools) as (keyof ToolsConfig)[]) {
    const tool = TOOLS[key];
    if (tool.category === NECESSARY) continue;
    const covering = entries.filter((entry) => toolsOf(entry).includes(key));
    if (!covering.some((entry) => entry['legalBasis'] === 'consent')) {
      gaps.push(
        `consent (art. 6(1)(a)) as the legal basis for ${tool.name}, which is configured and sets cookies that are not strictly necessary: add a register entry with tool: ${key} and legalBasis: consent`,
      );
    }
  }
  return gaps;
}
