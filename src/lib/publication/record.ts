/**
 * The record of published versions: what was published, when, and the SHA-256
 * of its file, so that a published version can never change silently. The
 * build checks the content against it; `policy:publish` and `policy:correct`
 * are the only ways it grows. Pure functions over plain data.
 */
import { createHash } from 'node:crypto';
import type { PolicyId } from '../policyCatalog.ts';
import { recordMessage, recordSchema } from '../schema/index.ts';

/** The record's file name, in the folder of policy versions. */
export const RECORD_FILE = 'published.json';

/** A correction recorded for a published version: a typo or a broken link, never its substance. */
export interface Correction {
  /** The day of the correction, YYYY-MM-DD (Stockholm). */
  date: string;
  /** What was corrected, in Swedish, as visitors read it. */
  note: string;
  /** The SHA-256 of the file after the correction. */
  sha256: string;
  /** When it was recorded (ISO 8601). */
  recorded: string;
}

/** One published version. */
export interface RecordEntry {
  policy: PolicyId;
  effective: string;
  version: string;
  /** The file, relative to the folder of policy versions: `integritetspolicy/2026-11-24.mdx`. */
  file: string;
  /** The SHA-256 of the file as it was published. */
  sha256: string;
  /** When it was recorded (ISO 8601). */
  recorded: string;
  corrections: Correction[];
}

export interface PublicationRecord {
  versions: RecordEntry[];
}

/** A version file as the record is checked against it. */
export interface VersionFile {
  /** Relative to the folder of policy versions, with `/`: `cookiepolicy/2026-11-24.mdx`. */
  file: string;
  /** How messages name it: the path from where the command or build runs. */
  source: string;
  policy: PolicyId;
  effective: string;
  version: string;
  draft: boolean;
  sha256: string;
}

/** A refusal an editor can act on: shown as it is, without a stack trace. */
export class RecordError extends Error {
  override name = 'RecordError';
}

/**
 * The SHA-256 of a version file, hex. Line endings are made `\n` first, so a
 * checkout that writes `\r\n` has the same text, and the `.md` copy of a
 * version, which is that text, hashes the same.
 */
export function sourceText(fileText: string): string {
  return fileText.replace(/\r\n?/g, '\n');
}

export function sha256(fileText: string): string {
  return createHash('sha256').update(sourceText(fileText), 'utf8').digest('hex');
}

/** The hash a version's file must have now: after its last correction, or as published. */
export const currentHash = (entry: RecordEntry): string => entry.corrections.at(-1)?.sha256 ?? entry.sha256;

/** Reads the record, or says exactly what is wrong with it. */
export function parseRecord(json: string, source: string): PublicationRecord {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new RecordError(
      `${source} is not valid JSON (${(error as Error).message}). It records every published version: restore it from git (git checkout -- ${source}).`,
    );
  }
  const result = recordSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      return `  ${path.replace(/^\./, '') || '(the whole file)'}: ${missing ? recordMessage.missing : issue.message}`;
    });
    throw new RecordError(
      `${source} is not a valid record of published versions:\n${problems.join('\n')}\nRestore it from git, or fix the entries named.`,
    );
  }
  return result.data;
}

/** The record as it is written: stable, readable, one entry per version, oldest first. */
export function serializeRecord(record: PublicationRecord): string {
  const versions = [...record.versions].sort((a, b) =>
    a.effective === b.effective ? a.policy.localeCompare(b.policy) : a.effective < b.effective ? -1 : 1,
  );
  return `${JSON.stringify({ versions }, null, 2)}\n`;
}

const key = (version: { policy: string; effective: string }) => `${version.policy}/${version.effective}`;

/**
 * What the build says of a published version whose file has changed. The web
 * editor refuses to save a published version with the same words, without the
 * hashes, which only the build knows.
 */
export function changedVersionMessage(
  source: string,
  entry: Pick<RecordEntry, 'policy' | 'effective' | 'version'>,
  hashes?: { actual: string; expected: string },
): string {
  const what = `version ${entry.version} of ${entry.policy}, in force from ${entry.effective}`;
  const found = hashes
    ? `: its SHA-256 is ${hashes.actual.slice(0, 12)}…, the record says ${hashes.expected.slice(0, 12)}…`
    : '';
  return `${source} (${what}) has changed since it was published${found}. A published version stays as it was published. To change the policy, undo the edit and publish a new version: npm run policy:new -- ${entry.policy}. To fix a typo or a broken link in this version, record a correction: npm run policy:correct -- ${source} --note "what was corrected".`;
}

export interface RecordCheckOptions {
  /** How messages name the record. */
  recordSource: string;
  /** How messages name a file the record lists, relative to the folder of versions. */
  sourceOf: (file: string) => string;
  /** Whether a file is known to have existed (in git), for a record entry whose file is not there. */
  existedBefore?: (file: string) => boolean;
}

export interface RecordProblem {
  kind: 'unrecorded' | 'changed' | 'gone' | 'never-existed' | 'draft-again' | 'duplicate';
  /** The message: names the file, says what happened and what to do. */
  message: string;
}

/**
 * Every way the content breaks the promise of the record. Empty when the content keeps it.
 */
export function recordProblems(
  record: PublicationRecord,
  files: readonly VersionFile[],
  { recordSource, sourceOf, existedBefore }: RecordCheckOptions,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const report = (kind: RecordProblem['kind'], message: string) => problems.push({ kind, message });
  const byFile = new Map(files.map((file) => [file.file, file]));
  const seen = new Map<string, RecordEntry>();
  for (const entry of record.versions) {
    const earlier = seen.get(key(entry));
    if (earlier) {
      report(
        'duplicate',
        `${recordSource}: ${entry.policy} ${entry.effective} is recorded twice (${earlier.file} and ${entry.file}). A version is published once: remove one of the two entries.`,
      );
      continue;
    }
    seen.set(key(entry), entry);
    const file = byFile.get(entry.file);
    const what = `version ${entry.version} of ${entry.policy}, in force from ${entry.effective}`;
    if (!file) {
      const never = existedBefore?.(entry.file) === false;
      report(
        never ? 'never-existed' : 'gone',
        never
          ? `${recordSource}: the entry for ${entry.file} (${what}) names a file that never existed. Remove that entry: only versions that were published belong in the record.`
          : `${sourceOf(entry.file)} (${what}) is recorded as published, but the file is gone. A published version keeps its address: restore the file from git (git checkout -- ${sourceOf(entry.file)}). To replace it, publish a new version: npm run policy:new -- ${entry.policy}.`,
      );
      continue;
    }
    if (file.draft) {
      report(
        'draft-again',
        `${file.source} (${what}) is recorded as published but is marked "draft: true" again. A published version cannot become a draft: remove "draft: true". To change it, publish a new version (npm run policy:new -- ${entry.policy}) or record a correction (npm run policy:correct -- ${file.source} --note "…").`,
      );
      continue;
    }
    const expected = currentHash(entry);
    if (file.sha256 !== expected) {
      report('changed', changedVersionMessage(file.source, entry, { actual: file.sha256, expected }));
    }
  }
  for (const file of files) {
    if (file.draft || seen.has(key(file))) continue;
    report(
      'unrecorded',
      `${file.source} (version ${file.version} of ${file.policy}, in force from ${file.effective}) is not a draft, but it is not in the record of published versions, ${recordSource}. Check it with "npm run policy:check" and record it with "npm run policy:publish" as the last step before merging, or keep it a draft (draft: true).`,
    );
  }
  return problems;
}

/** The entry for a version, if it is recorded. */
export const findEntry = (record: PublicationRecord, version: { policy: string; effective: string }) =>
  record.versions.find((entry) => key(entry) === key(version));

/** The record with every version that is not a draft and not yet recorded added, stamped `now`. */
export function publish(
  record: PublicationRecord,
  files: readonly VersionFile[],
  now: Date,
): { record: PublicationRecord; recorded: RecordEntry[] } {
  const recorded = files
    .filter((file) => !file.draft && !findEntry(record, file))
    .map((file): RecordEntry => ({
      policy: file.policy,
      effective: file.effective,
      version: file.version,
      file: file.file,
      sha256: file.sha256,
      recorded: now.toISOString(),
      corrections: [],
    }));
  return { record: { versions: [...record.versions, ...recorded] }, recorded };
}

/** Why a correction refuses a published version whose "effective" now says `now`. */
export function changedDateMessage(
  source: string,
  entry: Pick<RecordEntry, 'policy' | 'effective'>,
  now: string,
): string {
  return `${source}: a correction can never change the date a version takes effect (published as ${entry.effective}, now ${now}). Put "effective" back, and publish a new version for a new date: npm run policy:new -- ${entry.policy}.`;
}

/**
 * The record with a correction to one published version: its new hash and the
 * note, with the day. Refuses an empty note, a draft, an unrecorded version, a
 * changed date or label, and a file that has not changed.
 */
export function correct(
  record: PublicationRecord,
  file: VersionFile,
  note: string,
  options: { today: string; now: Date },
): { record: PublicationRecord; correction: Correction } {
  const text = note.trim();
  if (text === '') {
    throw new RecordError('--note must say what was corrected, in Swedish: visitors read it on the version’s page.');
  }
  if (/[\r\n]/.test(text)) throw new RecordError('--note must be a single line.');
  if (file.draft) {
    throw new RecordError(
      `${file.source} is a draft: nothing of it is published, so there is nothing to correct. Edit it as it is.`,
    );
  }
  const entry = record.versions.find((candidate) => candidate.file === file.file);
  if (!entry) {
    throw new RecordError(
      `${file.source} is not in the record of published versions, so there is nothing to correct. Record it with "npm run policy:publish" once it is ready.`,
    );
  }
  if (file.effective !== entry.effective || file.policy !== entry.policy) {
    throw new RecordError(changedDateMessage(file.source, entry, file.effective));
  }
  if (file.version !== entry.version) {
    throw new RecordError(
      `${file.source}: a correction can never change the version label (published as "${entry.version}", now "${file.version}"). Put "version" back, and publish a new version for a new label: npm run policy:new -- ${entry.policy}.`,
    );
  }
  if (file.sha256 === currentHash(entry)) {
    throw new RecordError(`${file.source} has not changed since it was recorded: there is nothing to correct.`);
  }
  const correction: Correction = {
    date: options.today,
    note: text,
    sha256: file.sha256,
    recorded: options.now.toISOString(),
  };
  return {
    record: {
      versions: record.versions.map((candidate) =>
        candidate === entry ? { ...entry, corrections: [...entry.corrections, correction] } : candidate,
      ),
    },
    correction,
  };
}
