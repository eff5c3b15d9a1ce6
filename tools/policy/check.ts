/**
 * `npm run policy:check`
 *
 * Reads every version and reports references to law and practice that are out
 * of date (file, line, phrase, why, what to write instead), the record's
 * problems, and the GDPR art. 13 elements a privacy policy version lacks
 * (with the tools configured by the environment, as the build reads them).
 * Findings in recorded versions are history and drafts are work in progress:
 * both are reported and never fail. It exits 1 only when something would be
 * refused: by the build, or by npm run policy:publish.
 */
import { CONTENT_PATH, existedInGit, readRecord, readVersionFiles } from '#lib/content/policyFiles.ts';
import { readToolsConfig } from '#lib/consent/toolCatalog.ts';
import { describeFinding } from '#lib/publication/lawRules.ts';
import { checkPublication, type Standing } from '#lib/publication/refusals.ts';
import { locate, readCommandLine, run } from './cli.ts';

const USAGE = `Usage: npm run policy:check

Reports, for every version: references to law and practice that are out of date
(file, line, phrase, why, and what to write instead), placeholders, the record
of published versions' problems, and the GDPR art. 13 elements a privacy
policy version still lacks.

Recorded versions are history and drafts are work in progress: their findings
are reported and never fail. It exits 1 only when something would be refused:
a version that is not a draft and not yet recorded with findings,
placeholders or a missing art. 13 element, or a published version that changed, is gone or became a draft.

Environment:
  POLICIES_DIR  Where the policy versions live (default ${CONTENT_PATH}).
  PUBLIC_MATOMO_URL, PUBLIC_GTM_ID, …  The tools the site is built with: each
                must rest on consent in a new privacy policy version.`;

const STANDING: Record<Standing, string> = {
  recorded: 'published and recorded: history, reported only',
  new: 'not a draft and not yet recorded: must have no findings',
  draft: 'draft: reported only',
};

await run('policy:check', () => {
  if (!readCommandLine('policy:check', USAGE, {})) return 0;
  const { policiesDir, sourceOf, recordSource } = locate();
  const versions = readVersionFiles(policiesDir, sourceOf);
  const { refusals, findings } = checkPublication(
    versions,
    readRecord(policiesDir, recordSource),
    {
      recordSource,
      sourceOf,
      existedBefore: (file) => existedInGit(policiesDir, file) !== false,
    },
    { tools: readToolsConfig(process.env) },
  );
  let reported = 0;
  for (const { version, standing, findings: found, art13: gaps } of findings) {
    if (found.length === 0 && gaps.length === 0) continue;
    reported += found.length + gaps.length;
    console.log(`${version.source} (${version.policy} version ${version.version}, ${STANDING[standing]})`);
    for (const finding of found) console.log(`  ${describeFinding(version.source, finding)}`);
    for (const gap of gaps) console.log(`  ${version.source}: GDPR art. 13 asks for ${gap}.`);
    console.log('');
  }
  if (refusals.length > 0) {
    console.log('Refused:');
    for (const { message } of refusals) console.log(`${message}\n`);
  }
  console.log(
    `${versions.length} versions checked: ${reported} finding${reported === 1 ? '' : 's'} reported, ${refusals.length} refused.`,
  );
  return refusals.length > 0 ? 1 : 0;
});
