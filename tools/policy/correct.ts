/**
 * `npm run policy:correct -- <file> --note "…"`
 *
 * Records a correction to a published version, for a typo or a broken link:
 * the file's new SHA-256 and the note, with today's date. The version's page
 * shows every correction, the feed carries it, and its changes page says the
 * version was corrected after publication. A correction can never change the
 * version's date or label.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkedVersion,
  CONTENT_PATH,
  EffectiveDateError,
  readPolicyFile,
  readRecord,
  versionKey,
} from '#lib/content/policyFiles.ts';
import { resolveToday } from '#lib/dates.ts';
import { changedDateMessage, correct, RecordError, serializeRecord } from '#lib/publication/record.ts';
import { CommandError, locate, readCommandLine, run } from './cli.ts';

const USAGE = `Usage: npm run policy:correct -- <file> --note "what was corrected"

Records a correction to a published version: a typo or a broken link, never a
change of substance (publish a new version for that: npm run policy:new). Edit
the file first, then run this: it records the file's new SHA-256 and the note,
in Swedish, with today's date. Visitors see "Rättad den …: <note>" on the
version's page and in the feed.

It refuses, and writes nothing, an empty note, a draft, a version that is not
recorded, a file that has not changed, and a changed "effective" date or
"version" label.

Environment:
  POLICIES_DIR  Where the policy versions live (default ${CONTENT_PATH}).
  SITE_TODAY    Overrides today's date, YYYY-MM-DD.`;

await run('policy:correct', () => {
  const line = readCommandLine('policy:correct', USAGE, { note: 'string' }, { positionals: true });
  if (!line) return 0;
  const { values, positionals } = line;
  if (positionals.length !== 1) {
    throw new CommandError('name one version file: npm run policy:correct -- <file> --note "what was corrected".');
  }
  const [named] = positionals as [string];
  if (values.note === undefined) throw new CommandError('--note is missing: say what was corrected, in Swedish.');
  const { policiesDir, sourceOf, recordPath, recordSource } = locate();
  const target = path.resolve(named);
  const file = versionKey(policiesDir, target);
  if (file.startsWith('..') || !file.endsWith('.mdx')) {
    throw new CommandError(`${named} is not a version file in ${sourceOf('.')}.`);
  }
  const record = readRecord(policiesDir, recordSource);
  let version;
  try {
    version = checkedVersion(readPolicyFile(policiesDir, target, sourceOf));
  } catch (error) {
    // A published version's date is what moved, not its file: say so in the correction's terms.
    const entry = record.versions.find((candidate) => candidate.file === file);
    if (error instanceof EffectiveDateError && entry && typeof error.written === 'string') {
      throw new RecordError(changedDateMessage(sourceOf(file), entry, error.written));
    }
    throw error;
  }
  let today;
  try {
    today = resolveToday(process.env);
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
  const { record: next, correction } = correct(record, version, values.note, { today, now: new Date() });
  writeFileSync(recordPath, serializeRecord(next));
  console.log(
    `Recorded a correction to ${version.policy} version "${version.version}" (${version.source}) on ${correction.date}: ${correction.note}`,
  );
  console.log(`Commit ${recordSource} with the corrected file.`);
  return 0;
});
