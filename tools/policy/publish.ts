/**
 * `npm run policy:publish`
 *
 * Records every version that is not a draft and not yet recorded in the record
 * of published versions (published.json in the folder of versions), with the
 * SHA-256 of its file, so that it can never change silently. Editors run it as
 * the last step before merging. It refuses, writing nothing, while a recorded
 * version has changed, gone or become a draft, or a new version cites
 * out-of-date law or still holds a placeholder.
 */
import { writeFileSync } from 'node:fs';
import { CONTENT_PATH, existedInGit, readRecord, readVersionFiles } from '#lib/content/policyFiles.ts';
import { publish, RecordError, serializeRecord } from '#lib/publication/record.ts';
import { readToolsConfig } from '#lib/consent/toolCatalog.ts';
import { checkPublication } from '#lib/publication/refusals.ts';
import { locate, readCommandLine, run } from './cli.ts';

const USAGE = `Usage: npm run policy:publish

Records every version that is not a draft and not yet recorded, with the SHA-256
of its file and the time, in <policies dir>/published.json, and prints what it
recorded. Run it as the last step before merging a new version.

It refuses, and writes nothing, while a recorded version has changed, is gone or
has become a draft again, or while a new version cites out-of-date law (see
npm run policy:check) or still holds a [FYLL I: …] placeholder.

Environment:
  POLICIES_DIR  Where the policy versions live (default ${CONTENT_PATH}).`;

await run('policy:publish', () => {
  if (!readCommandLine('policy:publish', USAGE, {})) return 0;
  const { policiesDir, sourceOf, recordPath, recordSource } = locate();
  const versions = readVersionFiles(policiesDir, sourceOf);
  const record = readRecord(policiesDir, recordSource);
  const options = {
    recordSource,
    sourceOf,
    existedBefore: (file: string) => existedInGit(policiesDir, file) !== false,
  };
  // Being unrecorded is what this command mends; everything else must be mended first.
  const blocking = checkPublication(versions, record, options, { tools: readToolsConfig(process.env) }).refusals.filter(
    ({ kind }) => kind !== 'unrecorded',
  );
  if (blocking.length > 0) {
    throw new RecordError(`nothing was recorded.\n\n${blocking.map(({ message }) => message).join('\n\n')}`);
  }
  const { record: next, recorded } = publish(record, versions, new Date());
  if (recorded.length === 0) {
    console.log('Every version that is not a draft is already recorded: nothing to do.');
    return 0;
  }
  writeFileSync(recordPath, serializeRecord(next));
  for (const entry of recorded) {
    console.log(
      `Recorded ${entry.policy} version "${entry.version}", in force from ${entry.effective}: ${sourceOf(entry.file)} (SHA-256 ${entry.sha256}).`,
    );
  }
  console.log(`Commit ${recordSource} with the version${recorded.length > 1 ? 's' : ''}.`);
  return 0;
});
