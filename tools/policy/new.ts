/**
 * `npm run policy:new -- <policy> [--date YYYY-MM-DD] [--summary "…"]`
 *
 * Starts a new version of a policy by copying the latest one, so an editor
 * begins from the text in force rather than from a blank page. The new file is
 * a draft with fresh frontmatter (new date, next version label, one-line summary
 * or the placeholder the build refuses), the cookie declaration and processing
 * register carried over, and the previous body verbatim.
 *
 * The last line of output is the new file's path relative to the project root,
 * so other tools can pick it up with `tail -n 1`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { CONTENT_PATH, readPolicyFiles, type PolicyFile } from '#lib/content/policyFiles.ts';
import { isIsoDate, resolveToday } from '#lib/dates.ts';
import { splitFrontmatter } from '#lib/frontmatter.ts';
import { isPolicyId, POLICY_IDS, type PolicyId } from '#lib/policyCatalog.ts';
import { nextVersionLabel } from '#lib/versionLabel.ts';
import { byEffectiveDate } from '#lib/versions.ts';
import { CommandError, locate, readCommandLine, run } from './cli.ts';

const USAGE = `Usage: npm run policy:new -- <integritetspolicy|cookiepolicy> [--date YYYY-MM-DD] [--summary "…"]

Starts a new version of a policy: copies the latest version (by effective date,
drafts included) to <policies dir>/<policy>/<date>.mdx with fresh frontmatter and
the same text, ready to edit. The copy is a draft (draft: true): preview it with
npm run dev, then set "draft: false" and record it with npm run policy:publish
as the last step before merging.

Options:
  --date YYYY-MM-DD  The day the new version takes effect. Default: today in
                     Stockholm, or SITE_TODAY when that is set.
  --summary TEXT     One line, in Swedish, saying what changed. Default: a
                     placeholder that the build refuses until you replace it.
  -h, --help         Show this help.

Version label: "1" becomes "2", "2.1" becomes "2.2" (the last number counts up);
any other label gets " (ny)" appended, for you to change by hand.

Environment:
  POLICIES_DIR  Where the policy versions live (default ${CONTENT_PATH},
                relative to the project root).
  SITE_TODAY    Overrides today's date, YYYY-MM-DD.`;

/** Frontmatter fields that describe what the site does, not the version, and so carry over. */
const CARRIED_FIELDS = ['categories', 'cookies', 'processing', 'dpo'];

/** A refusal of this command, which points at its usage. */
const refuse = (message: string) => new CommandError(message, { usage: true });

/** One version of the policy being copied, as the site's ordering takes it. */
interface Version extends PolicyFile {
  policy: PolicyId;
  draft: boolean;
  /** Its label, as written; undefined when it has none. */
  version: string | undefined;
}

/**
 * Builds the new file: fresh frontmatter, as a draft to preview; the previous
 * version's declaration and register carried over as written, comments and all;
 * its body untouched.
 */
function renderVersion(fields: {
  policy: PolicyId;
  effective: string;
  version: string;
  summary: string;
  previous: Version;
}): string {
  // Quoted, so that no label or summary is read as a number or a yes/no by a YAML 1.1 reader.
  const quoted = (text: string) => Object.assign(new Scalar(text), { type: Scalar.QUOTE_DOUBLE });
  const frontmatter = new Document({
    policy: fields.policy,
    effective: fields.effective,
    version: quoted(fields.version),
    summary: quoted(fields.summary),
    material: false,
    draft: true,
  });
  // The reader has parsed it already; parsed again as a document, so that its comments carry over.
  const written = parseDocument(splitFrontmatter(fields.previous.text)?.frontmatter ?? '');
  if (isMap(frontmatter.contents) && isMap(written.contents)) {
    for (const pair of written.contents.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (CARRIED_FIELDS.includes(String(key))) frontmatter.contents.items.push(pair);
    }
  }
  return `---\n${frontmatter.toString({ lineWidth: 0 })}---\n${fields.previous.body}`;
}

/** Reads the command line; undefined after --help. */
function readArguments() {
  const line = readCommandLine('policy:new', USAGE, { date: 'string', summary: 'string' }, { positionals: true });
  if (!line) return undefined;
  const { values, positionals } = line;

  const [policy, ...extra] = positionals;
  if (policy === undefined) throw refuse(`say which policy: ${POLICY_IDS.join(' or ')}.`);
  if (!isPolicyId(policy)) throw refuse(`unknown policy "${policy}": write ${POLICY_IDS.join(' or ')}.`);
  if (extra.length > 0) {
    throw refuse(`unexpected argument "${extra[0]}"; quote a summary with spaces: --summary "…".`);
  }

  let summary: string | undefined;
  if (values.summary !== undefined) {
    summary = values.summary.trim();
    if (summary === '') throw refuse('--summary must not be empty: write one line saying what changed.');
    if (/[\r\n\u2028\u2029]/.test(summary)) {
      throw refuse('--summary must be a single line: the changelog and the feed show it as one.');
    }
    // The schema treats any summary starting with TODO as the placeholder.
    if (summary.startsWith('TODO')) {
      throw refuse('--summary must not start with "TODO": the build refuses that as a placeholder.');
    }
  }
  return { policy, date: values.date, summary };
}

await run('policy:new', async () => {
  const args = readArguments();
  if (!args) return 0;

  let effective: string;
  if (args.date !== undefined) {
    if (!isIsoDate(args.date)) {
      throw refuse(`--date must be a real date written YYYY-MM-DD (like 2026-12-01), got "${args.date}".`);
    }
    effective = args.date;
  } else {
    try {
      effective = resolveToday(process.env);
    } catch (error) {
      throw refuse((error as Error).message);
    }
  }

  const { policiesDir, sourceOf } = locate();
  const policyDir = path.join(policiesDir, args.policy);
  // The policy's folder, as the web editor's collection; ordered as the site orders versions, drafts included.
  const versions = readPolicyFiles(policiesDir, sourceOf)
    .filter((file) => file.file.startsWith(`${args.policy}/`))
    .map((file): Version => {
      const label = file.data['version'];
      return {
        ...file,
        policy: args.policy,
        draft: file.data['draft'] === true,
        version: label === undefined || label === null ? undefined : String(label),
      };
    })
    .sort(byEffectiveDate);
  const latest = versions.at(-1);
  if (!latest) throw refuse(`${sourceOf(policyDir)} has no version to copy; write the first one by hand.`);
  const taken = versions.find((version) => version.effective === effective);
  if (taken) {
    throw refuse(
      `${args.policy} already has a version on ${effective}: ${taken.source}. Edit that file or choose another --date.`,
    );
  }
  if (effective < latest.effective) {
    throw refuse(
      `${effective} is before the latest ${args.policy} version, ${latest.source} (${latest.effective}). ` +
        `A new version must take effect after it; choose a later --date.`,
    );
  }
  if (latest.version === undefined || latest.version === '') {
    throw refuse(`${latest.source} has no "version" label to count on from; fix it first.`);
  }

  const next = nextVersionLabel(latest.version);
  // Loaded only when needed: the schema pulls in the declaration and register schemas.
  const summary = args.summary ?? (await import('#lib/schema/index.ts')).SUMMARY_PLACEHOLDER;
  const target = path.join(policyDir, `${effective}.mdx`);
  const text = renderVersion({ policy: args.policy, effective, version: next.label, summary, previous: latest });
  try {
    // 'wx' so a file that appeared since the check is never overwritten.
    await writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw refuse(`${sourceOf(target)} already exists; it was left as it is.`);
    }
    throw error;
  }

  console.log(
    `Created ${args.policy} version "${next.label}", effective ${effective}, from the text of version "${latest.version}" (${latest.source}).`,
  );
  if (!next.counted) {
    console.log(`"${latest.version}" is not a number this script can count on from: set "version" by hand.`);
  }
  if (args.summary === undefined) {
    console.log(
      'The summary is a placeholder, which the build refuses: replace it with one line, in Swedish, saying what changed.',
    );
  }
  console.log(
    'It is a draft: preview it with npm run dev; when it is ready, set "draft: false", check it with npm run policy:check and record it with npm run policy:publish before merging.',
  );
  console.log(sourceOf(target));
  return 0;
});
