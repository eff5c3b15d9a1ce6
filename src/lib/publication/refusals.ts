/**
 * Everything the build, `policy:publish` and `policy:check` hold a set of
 * versions to: the record of what was published, the current-law check and
 * placeholders. One function, so that the three never disagree.
 */
import { placeholderProblem } from '../placeholders.ts';
import { describeFinding, lawFindings, type LawFinding } from './lawRules.ts';
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
  kind: RecordProblem['kind'] | 'law' | 'placeholder';
  message: string;
}

export interface PublicationCheck {
  /** What stops a build: the record's promise broken, new versions unrecorded, citing old law or holding placeholders. */
  refusals: Refusal[];
  /** Every version's law findings, with its standing: recorded and draft findings are reported, never refused. */
  findings: { version: CheckedVersion; standing: Standing; findings: LawFinding[] }[];
}

export function checkPublication(
  versions: readonly CheckedVersion[],
  record: PublicationRecord,
  options: RecordCheckOptions,
): PublicationCheck {
  const refusals: Refusal[] = recordProblems(record, versions, options);
  const findings = versions.map((version) => {
    const standing: Standing = version.draft ? 'draft' : findEntry(record, version) ? 'recorded' : 'new';
    return { version, standing, findings: lawFindings(version.text) };
  });
  for (const { version, standing, findings: found } of findings) {
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
    const placeholders = placeholderProblem(version.source, version.text);
    if (placeholders) refusals.push({ kind: 'placeholder', message: placeholders });
  }
  return { refusals, findings };
}
