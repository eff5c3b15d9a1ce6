/**
 * The current-law check: references to law and practice that are out of date,
 * found line by line in a version's file. One catalogue of rules, each with its
 * source, so that a new rule is one entry.
 */
import { splitFrontmatter } from '../frontmatter.ts';
import { RIGHTS } from '../privacy/rights.ts';
import type { ProcessingEntry } from '../privacy/register.ts';
import { SIGNED_LETTER } from '../requests/catalogue.ts';

export interface LawRule {
  id: string;
  /** What it finds; matched case by case as the rule needs, never across lines. */
  pattern: RegExp;
  /** Why the phrase is wrong today. */
  why: string;
  /** What to write instead. */
  instead: string;
  /** Where that is established. */
  source: string;
}

export const LAW_RULES: readonly LawRule[] = [
  {
    id: 'personuppgiftslagen',
    pattern: /\bpersonuppgiftslag(?:en)?\b(?: \((?:SFS )?1998:204\))?|\bPuL\b|(?:SFS )?1998:204/g,
    why: 'Personuppgiftslagen (SFS 1998:204) was repealed on 25 May 2018, when the GDPR began to apply.',
    instead:
      'Cite EU:s dataskyddsförordning (EU) 2016/679 (GDPR) and lag (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning (dataskyddslagen).',
    source:
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2018218-med-kompletterande-bestammelser-till_sfs-2018-218/',
  },
  {
    id: 'old-lek',
    pattern:
      /2003:389|6 kap\. 18 §|lagen om elektronisk kommunikation som trädde i kraft den 1 juli 2011|trädde i kraft den 1 juli 2011/gi,
    why: 'The cookie rule of lag (2003:389) om elektronisk kommunikation, in force from 1 July 2011, was replaced in 2022.',
    instead: 'Cite lag (2022:482) om elektronisk kommunikation, 9 kap. 28 §.',
    source:
      'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2022482-om-elektronisk-kommunikation_sfs-2022-482/',
  },
  {
    id: 'datainspektionen',
    pattern: /Datainspektionen/gi,
    why: 'Datainspektionen was renamed Integritetsskyddsmyndigheten (IMY) on 1 January 2021.',
    instead: 'Write Integritetsskyddsmyndigheten (IMY), imy.se.',
    source: 'https://www.imy.se/om-oss/',
  },
  {
    id: 'access-once-a-year',
    pattern: /en gång (?:per|om|varje) (?:kalender)?år/gi,
    why: 'The GDPR sets no limit of once a year on the right of access (that was a rule of personuppgiftslagen).',
    instead:
      'Say that access is free of charge (GDPR art. 12(5)) and that a reasonable fee may be charged only for further copies (art. 15(3)).',
    source: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  {
    id: 'signed-request',
    pattern: new RegExp(SIGNED_LETTER.source, 'gi'),
    why: 'The GDPR lets people make requests electronically; a request need not be signed by hand (that was a rule of personuppgiftslagen).',
    instead:
      'Say that requests may be made by e-mail or letter (GDPR art. 12(1)–(3)), and that identity is checked only as far as reasonable doubt requires (art. 12(6)).',
    source: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  },
  {
    id: 'personvern',
    pattern: /\bpersonvern\b/gi,
    why: '"Personvern" is Norwegian.',
    instead: 'Write integritet or dataskydd (integritetspolicy for the document).',
    source: 'https://www.imy.se/',
  },
];

export interface LawFinding {
  rule: LawRule;
  /** 1-based line in the file. */
  line: number;
  /** The phrase as it stands there. */
  phrase: string;
}

/** Top-level frontmatter fields that describe a change rather than state the policy: they may name an old law. */
const DESCRIBING_CHANGES = new Set(['summary', 'changes']);

/**
 * The file's lines that state the policy: the body and the frontmatter, less
 * `summary` and `changes`, which say what changed and may well name what was
 * replaced. Each with its 1-based line number in the file.
 */
function policyLines(fileText: string): { line: number; text: string }[] {
  const lines = fileText.split(/\r?\n/);
  const split = splitFrontmatter(fileText);
  const frontmatterEnd = split ? split.frontmatter.split(/\r?\n/).length + 2 : 0;
  let describing = false;
  return lines.flatMap((text, index) => {
    if (index > 0 && index < frontmatterEnd - 1) {
      const key = /^([A-Za-z_][\w-]*):/.exec(text)?.[1];
      if (key !== undefined) describing = DESCRIBING_CHANGES.has(key);
      if (describing) return [];
    } else if (index < frontmatterEnd) {
      return [];
    }
    return [{ line: index + 1, text }];
  });
}

/** Every out-of-date reference in a version's file, in file order. */
export function lawFindings(fileText: string, rules: readonly LawRule[] = LAW_RULES): LawFinding[] {
  return policyLines(fileText).flatMap(({ line, text }) =>
    rules.flatMap((rule) => [...text.matchAll(rule.pattern)].map((match) => ({ rule, line, phrase: match[0] }))),
  );
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

/** What a privacy policy version with a register must show, per GDPR art. 13. */
export interface Art13Facts {
  controller: { name: string; orgNr: string; email: string; address: string };
  processing: readonly ProcessingEntry[];
}

/**
 * The art. 13 elements a privacy policy version with a register still lacks,
 * as warnings. The page adds the controller from the site's configuration and
 * the rights from their catalogue; this checks that each is there to add.
 */
export function art13Gaps({ controller, processing }: Art13Facts): string[] {
  const gaps: string[] = [];
  if (!controller.name || !controller.orgNr || !controller.email || !controller.address) {
    gaps.push("the controller's identity and contact details (art. 13(1)(a)): complete site in src/site.config.ts");
  }
  if (processing.length === 0) gaps.push('the purposes and their legal bases (art. 13(1)(c))');
  for (const entry of processing) {
    if (!entry.retention.trim()) gaps.push(`how long the data are kept, for "${entry.purpose}" (art. 13(2)(a))`);
  }
  const rights = new Set(RIGHTS.map((right) => right.id));
  for (const [id, what] of [
    ['access', 'the right of access (art. 15)'],
    ['rectification', 'the right to rectification (art. 16)'],
    ['erasure', 'the right to erasure (art. 17)'],
    ['restriction', 'the right to restriction (art. 18)'],
    ['portability', 'the right to data portability (art. 20)'],
    ['objection', 'the right to object (art. 21)'],
    ['complaint', 'the right to complain to IMY (art. 77)'],
  ] as const) {
    if (!rights.has(id)) gaps.push(what);
  }
  if (processing.some((entry) => entry.legalBasis === 'consent') && !rights.has('withdrawConsent')) {
    gaps.push('that consent can be withdrawn at any time (art. 13(2)(c))');
  }
  return gaps;
}
