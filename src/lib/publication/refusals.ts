/**
 * Everything the build, `policy:publish` and `policy:check` hold a set of
 * versions to: the record of what was published, the current-law check and
 * placeholders, and for a new privacy policy version GDPR art. 13. One
 * function, so that the three never disagree.
 */
import type { ToolsConfig } from '../consent/toolCatalog.ts';
import { readFrontmatter } from '../frontmatter.ts';
import { placeholderProblem } from '../placeholders.ts';
import { site } from '../../site.config.ts';
import { art13Gaps, describeFinding, lawFindings, type Controller, type LawFinding } from './lawRules.ts';
import {
  findEntry,
  recordProblems,
  type PublicationRecord,
  type RecordCheckOptions,
  type RecordProblem,
  type VersionFile,
} from './record.ts';

/** A version file with its text, as the checks read it. */
export interface CheckedVersion extends VersionFile {
  text: string;
}

/** Where a version stands: published and recorded, about to be published, or a draft. */
export type Standing = 'recorded' | 'new' | 'draft';

export interface Refusal {
  /** What broke: the record's promise (by its kind), or a new version's law findings or placeholders. */
  kind: RecordProblem['kind'] | 'law' | 'placeholder' | 'art13';
  message: string;
}

export interface PublicationCheck {
  /** What stops a build: the record's promise broken, new versions unrecorded, citing old law or holding placeholders. */
  refusals: Refusal[];
  /** Every version's law findings, with its standing: recorded and draft findings are reported, never refused. */
  findings: { version: CheckedVersion; standing: Standing; findings: LawFinding[]; art13: string[] }[];
}

/** The controller every privacy policy page names, from src/site.config.ts. */
export const SITE_CONTROLLER: Controller = {
  name: site.legalName,
  orgNr: site.orgNr,
  email: site.email,
  address: `${site.address.street}, ${site.address.postalCode} ${site.address.city}`,
};

/** What the art. 13 gate needs besides the versions: the configured tools, and the controller. */
export interface GateOptions {
  tools: ToolsConfig;
  controller?: Controller;
}

export function checkPublication(
  versions: readonly CheckedVersion[],
  record: PublicationRecord,
  options: RecordCheckOptions,
  { tools, controller = SITE_CONTROLLER }: GateOptions,
): PublicationCheck {
  const refusals: Refusal[] = recordProblems(record, versions, options);
  const findings = versions.map((version) => {
    const standing: Standing = version.draft ? 'draft' : findEntry(record, version) ? 'recorded' : 'new';
    const art13 =
      version.policy === 'integritetspolicy'
        ? art13Gaps({ controller, frontmatter: readFrontmatter(version.text) ?? {}, tools })
        : [];
    return { version, standing, findings: lawFindings(version.text), art13 };
  });
  for (const { version, standing, findings: found, art13 } of findings) {
    if (standing !== 'new') continue;
    if (found.length > 0) {
      refusals.push({
        kind: 'law',
        message: [
          `${version.source} is to be published, but it cites law or practice that is out of date:`,
          ...found.map((finding) => `  ${describeFinding(version.source, finding)}`),
          'A new version must cite current law. Fix each line, or keep the version a draft (draft: true).',
        ].join('\n'),
      });
    }
    if (art13.length > 0) {
      refusals.push({
        kind: 'art13',
        message: [
          `${version.source} is to be published, but it does not give everything GDPR art. 13 asks for:`,
          ...art13.map((gap) => `  - ${gap}`),
          'A new privacy policy version must give each of them. Add what is missing, or keep the version a draft (draft: true).',
        ].join('\n'),
      });
    }
    const placeholders = placeholderProblem(version.source, version.text);
    if (placeholders) refusals.push({ kind: 'placeholder', message: placeholders });
  }
  return { refusals, findings };
}
