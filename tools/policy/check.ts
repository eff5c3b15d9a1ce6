/**
 * `npm run policy:check`
 *
 * Reads every version and reports references to law and practice that are out
 * of date (file, line, phrase, why, what to write instead), the record's
 * problems, and the GDPR art. 13 elements a version with a register lacks.
 * Findings in recorded versions are history and drafts are work in progress:
 * both are reported and never fail. It exits 1 only when something would be
 * refused: by the build, or by npm run policy:publish.
 */
import { CONTENT_PATH, existedInGit, readRecord, readVersionFiles } from '#lib/content/policyFiles.ts';
import { readFrontmatter } from '#lib/frontmatter.ts';
import { art13Gaps, describeFinding } from '#lib/publication/lawRules.ts';
import { checkPublication, type Standing } from '#lib/publication/refusals.ts';
import { site } from '../../src/site.config.ts';
import { locate, readCommandLine, run } from './cli.ts';

const USAGE = `Usage: npm run policy:check

Reports, for every version: references to law and practice that are out of date
(file, line, phrase, why, and what to write instead), placeholders, the record
of published versions' problems, and the art. 13 elements a privacy policy
version with a processing register still lacks.

Recorded versions are history and drafts are work in progress: their findings
are reported and never fail. It exits 1 only when something would be refused:
a version that is not a draft and not yet recorded with findings or
placeholders, or a published version that changed, is gone or became a draft.

Environment:
  POLICIES_DIR  Where the policy versions live (default ${CONTENT_PATH}).`;

const STANDING: Record<Standing, string> = {
  recorded: 'published and recorded: history, reported only',
  new: 'not a draft and not yet recorded: must have no findings',
  draft: 'draft: reported only',
};

await run('policy:check', () => {
  if (!readCommandLine('policy:check', USAGE, {})) return 0;
  const { policiesDir, sourceOf, recordSource } = locate();
  const versions = readVersionFiles(policiesDir, sourceOf);
  const { refusals, findings } = checkPublication(versions, readRecord(policiesDir, recordSource), {
    recordSource,
    sourceOf,
    existedBefore: (file) => existedInGit(policiesDir, file) !== false,
  });
  let reported = 0;
  for (const { version, standing, findings: found } of findings) {
    const processing = readFrontmatter(version.text)?.['processing'];
    const gaps = Array.isArray(processing)
      ? art13Gaps({
          controller: {
            name: site.legalName,
            orgNr: site.orgNr,
            email: site.email,
            address: `${site.address.street}, ${site.address.postalCode} ${site.address.city}`,
          },
          processing,
        })
      : [];
    if (found.length === 0 && gaps.length === 0) continue;
    reported += found.length + gaps.length;
    console.log(`${version.source} (${version.policy} version ${version.version}, ${STANDING[standing]})`);
    for (const finding of found) console.log(`  ${describeFinding(version.source, finding)}`);
    for (const gap of gaps) console.log(`  ${version.source}: warning: GDPR art. 13 asks for ${gap}.`);
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
