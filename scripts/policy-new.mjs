#!/usr/bin/env node
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
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Document, parseDocument, Scalar } from 'yaml';

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
  POLICIES_DIR  Where the policy versions live (default src/content/policies,
                relative to the project root).
  SITE_TODAY    Overrides today's date, YYYY-MM-DD.`;

/** A refusal the editor can act on: printed without a stack trace. */
class UsageError extends Error {}

/** Frontmatter fields that describe what the site does, not the version, and so carry over. */
const CARRIED_FIELDS = ['categories', 'cookies', 'processing', 'dpo'];

/** Every version file of one policy with the date it takes effect, oldest first. */
async function readVersions(policyDir, relative, { isIsoDate, splitFrontmatter }) {
  let entries;
  try {
    entries = await readdir(policyDir, { withFileTypes: true });
  } catch (error) {
    if (error?.code === 'ENOENT')
      throw new UsageError(`${relative(policyDir)} does not exist: there is no version to copy.`);
    throw error;
  }
  const versions = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
    const file = path.join(policyDir, entry.name);
    const split = splitFrontmatter(await readFile(file, 'utf8'));
    if (!split)
      throw new UsageError(`${relative(file)} has no frontmatter between "---" lines, so it cannot be copied.`);
    let document;
    try {
      document = parseDocument(split.frontmatter);
      if (document.errors.length > 0) throw document.errors[0];
    } catch (error) {
      throw new UsageError(`${relative(file)}: its frontmatter is not valid YAML (${error.message.split('\n')[0]}).`);
    }
    // The frontmatter date is what the site uses; the file name is only a convention. YAML's
    // core schema keeps the date as the text written, so it is checked as written.
    const written = document.get('effective');
    const effective = written === undefined ? entry.name.slice(0, -'.mdx'.length) : String(written);
    if (!isIsoDate(effective)) {
      throw new UsageError(`${relative(file)}: cannot tell which date it takes effect; fix its "effective" first.`);
    }
    const version = document.get('version');
    versions.push({
      file,
      effective,
      version: version === undefined || version === null ? undefined : String(version),
      document,
      body: split.body,
    });
  }
  return versions.sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
}

/**
 * Builds the new file: fresh frontmatter, as a draft to preview; the previous
 * version's declaration and register carried over as written, comments and all;
 * its body untouched.
 */
function renderVersion({ policy, effective, version, summary, previous }) {
  // Quoted, so that no label or summary is read as a number or a yes/no by a YAML 1.1 reader.
  const quoted = (text) => Object.assign(new Scalar(text), { type: Scalar.QUOTE_DOUBLE });
  const frontmatter = new Document({
    policy,
    effective,
    version: quoted(version),
    summary: quoted(summary),
    material: false,
    draft: true,
  });
  for (const pair of previous.document.contents?.items ?? []) {
    if (CARRIED_FIELDS.includes(String(pair.key?.value ?? pair.key))) frontmatter.contents.items.push(pair);
  }
  return `---\n${frontmatter.toString({ lineWidth: 0 })}---\n${previous.body}`;
}

/** Reads the command line; refusals are UsageErrors. */
function readArguments(argv, isPolicyId, policyIds) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        date: { type: 'string' },
        summary: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs' own wording suggests '--' tricks that do not apply here.
    const unknown = error?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /'([^']+)'/.exec(error.message)?.[1];
    if (unknown) throw new UsageError(`unknown option "${unknown}": the options are --date, --summary and --help.`);
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };

  const [policy, ...extra] = positionals;
  if (policy === undefined) throw new UsageError(`say which policy: ${policyIds.join(' or ')}.`);
  if (!isPolicyId(policy)) {
    throw new UsageError(`unknown policy "${policy}": write ${policyIds.join(' or ')}.`);
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}"; quote a summary with spaces: --summary "…".`);
  }

  let summary;
  if (values.summary !== undefined) {
    summary = values.summary.trim();
    if (summary === '') throw new UsageError('--summary must not be empty: write one line saying what changed.');
    if (/[\r\n\u2028\u2029]/.test(summary)) {
      throw new UsageError('--summary must be a single line: the changelog and the feed show it as one.');
    }
    // The schema treats any summary starting with TODO as the placeholder.
    if (summary.startsWith('TODO')) {
      throw new UsageError('--summary must not start with "TODO": the build refuses that as a placeholder.');
    }
  }
  return { help: false, policy, date: values.date, summary };
}

/** Runs the command; returns the process exit code. */
async function main(argv) {
  const [{ isIsoDate, resolveToday }, { isPolicyId, POLICY_IDS }, { splitFrontmatter }, { nextVersionLabel }] =
    await Promise.all([
      import('../src/lib/dates.ts'),
      import('../src/lib/policyCatalog.ts'),
      import('../src/lib/frontmatter.ts'),
      import('../src/lib/versionLabel.ts'),
    ]);

  const args = readArguments(argv, isPolicyId, POLICY_IDS);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  let effective;
  if (args.date !== undefined) {
    if (!isIsoDate(args.date)) {
      throw new UsageError(`--date must be a real date written YYYY-MM-DD (like 2026-12-01), got "${args.date}".`);
    }
    effective = args.date;
  } else {
    try {
      effective = resolveToday(process.env);
    } catch (error) {
      throw new UsageError(error.message);
    }
  }

  const root = process.cwd();
  const relative = (file) => path.relative(root, file).split(path.sep).join('/');
  const policiesDir = path.resolve(root, process.env['POLICIES_DIR'] || 'src/content/policies');
  const policyDir = path.join(policiesDir, args.policy);

  const versions = await readVersions(policyDir, relative, { isIsoDate, splitFrontmatter });
  const latest = versions.at(-1);
  if (!latest) throw new UsageError(`${relative(policyDir)} has no version to copy; write the first one by hand.`);
  const taken = versions.find((version) => version.effective === effective);
  if (taken) {
    throw new UsageError(
      `${args.policy} already has a version on ${effective}: ${relative(taken.file)}. Edit that file or choose another --date.`,
    );
  }
  if (effective < latest.effective) {
    throw new UsageError(
      `${effective} is before the latest ${args.policy} version, ${relative(latest.file)} (${latest.effective}). ` +
        `A new version must take effect after it; choose a later --date.`,
    );
  }
  if (latest.version === undefined || latest.version === '') {
    throw new UsageError(`${relative(latest.file)} has no "version" label to count on from; fix it first.`);
  }

  const next = nextVersionLabel(latest.version);
  // Loaded only when needed: the schema pulls in zod, which costs a noticeable share of a run.
  const summary = args.summary ?? (await import('../src/lib/schema.ts')).SUMMARY_PLACEHOLDER;
  const target = path.join(policyDir, `${effective}.mdx`);
  const text = renderVersion({ policy: args.policy, effective, version: next.label, summary, previous: latest });
  try {
    // 'wx' so a file that appeared since the check (or is named differently from its date) is never overwritten.
    await writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if (error?.code === 'EEXIST') throw new UsageError(`${relative(target)} already exists; it was left as it is.`);
    throw error;
  }

  console.log(
    `Created ${args.policy} version "${next.label}", effective ${effective}, from the text of version "${latest.version}" (${relative(latest.file)}).`,
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
  console.log(relative(target));
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`policy:new: ${error.message}`);
  console.error('Run "npm run policy:new -- --help" for usage.');
  process.exitCode = 1;
}
