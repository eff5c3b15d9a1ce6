#!/usr/bin/env node
/**
 * `npm run policy:correct -- <file> --note "…"`
 *
 * Records a correction to a published version, for a typo or a broken link:
 * the file's new SHA-256 and the note, with today's date. The version's page
 * shows every correction, the feed carries it, and its changes page says the
 * version was corrected after publication. A correction can never change the
 * version's date or label.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { locate, run } from './policy-cli.mjs';

const [{ correct, serializeRecord, RecordError }, { checkedVersion, readRecord, versionKey }, { resolveToday }] =
  await Promise.all([
    import('../src/lib/publication/record.ts'),
    import('../src/lib/publication/versionFiles.ts'),
    import('../src/lib/dates.ts'),
  ]);

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
  POLICIES_DIR  Where the policy versions live (default src/content/policies).
  SITE_TODAY    Overrides today's date, YYYY-MM-DD.`;

await run('policy:correct', async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: { note: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new RecordError(`${error.message.split('\n')[0]}. Run "npm run policy:correct -- --help" for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new RecordError('name one version file: npm run policy:correct -- <file> --note "what was corrected".');
  }
  if (values.note === undefined) throw new RecordError('--note is missing: say what was corrected, in Swedish.');
  const { policiesDir, sourceOf, recordPath, recordSource } = locate();
  const target = path.resolve(positionals[0]);
  const file = versionKey(policiesDir, target);
  if (file.startsWith('..') || !file.endsWith('.mdx')) {
    throw new RecordError(`${positionals[0]} is not a version file in ${sourceOf('.')}.`);
  }
  let text;
  try {
    text = readFileSync(target, 'utf8');
  } catch {
    throw new RecordError(`${positionals[0]} does not exist.`);
  }
  const version = checkedVersion(file, sourceOf(file), text);
  let today;
  try {
    today = resolveToday(process.env);
  } catch (error) {
    throw new RecordError(error.message);
  }
  const { record, correction } = correct(readRecord(policiesDir, recordSource), version, values.note, {
    today,
    now: new Date(),
  });
  writeFileSync(recordPath, serializeRecord(record));
  console.log(
    `Recorded a correction to ${version.policy} version "${version.version}" (${version.source}) on ${correction.date}: ${correction.note}`,
  );
  console.log(`Commit ${recordSource} with the corrected file.`);
  return 0;
});
