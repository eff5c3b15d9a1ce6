/**
 * The one reader of the policy version files on disk, and of the record of
 * published versions beside them. The content loader, the pages, the web
 * editor and the policy commands all read versions here, so that they agree on
 * what a version's date is and say so in the same words.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { isIsoDate } from '../dates.ts';
import { readFrontmatter, splitFrontmatter } from '../frontmatter.ts';
import { isPolicyId } from '../policyCatalog.ts';
import type { CheckedVersion } from '../publication/refusals.ts';
import { parseRecord, RECORD_FILE, RecordError, sha256, type PublicationRecord } from '../publication/record.ts';

/**
 * Where the policy versions are in the repository: the default of
 * `POLICIES_DIR`, and the folder the web editor's backend writes.
 */
export const CONTENT_PATH = 'src/content/policies';

/** The folder of policy versions: `POLICIES_DIR` (another content set: the tests', the benchmark's), or `CONTENT_PATH`. */
export function policiesDirOf(env: Record<string, string | undefined> = process.env): string {
  return env['POLICIES_DIR'] || CONTENT_PATH;
}

/** One version file as it is on disk. */
export interface PolicyFile {
  /** Relative to the folder of versions, with `/`: `cookiepolicy/2026-11-24.mdx`, as the record names it. */
  file: string;
  /** Where it is, absolute. */
  path: string;
  /** How messages name it. */
  source: string;
  /** The text as it is on disk. */
  text: string;
  /** The frontmatter as written: YAML 1.2's core schema, so dates stay the text they are. */
  data: Record<string, unknown>;
  /** Everything after the frontmatter, byte for byte. */
  body: string;
  /** The day it takes effect, YYYY-MM-DD: the date in its name, which "effective" repeats. */
  effective: string;
  /** The SHA-256 of the text with `\n` line endings, as the record holds it. */
  sha256: string;
}

/** A version file the reader refuses: named, with what is wrong and what to do. */
export class PolicyFileError extends RecordError {
  override name = 'PolicyFileError';
}

/** A version file whose name and "effective" do not give one real date. */
export class EffectiveDateError extends PolicyFileError {
  override name = 'EffectiveDateError';
  /** What "effective" holds, as written (undefined when it is missing). */
  readonly written: unknown;

  constructor(message: string, written: unknown) {
    super(message);
    this.written = written;
  }
}

/** How messages name a file when the caller does not say: relative to the working directory, with `/`. */
const fromHere = (path: string): string => relative(process.cwd(), path).split(sep).join('/');

/** A path relative to the folder of versions, with `/` whatever the system. */
export const versionKey = (policiesDir: string, path: string): string =>
  relative(policiesDir, path).split(sep).join('/');

/**
 * The one check of a version's date: its file is named for the day it takes
 * effect (`2026-11-24.mdx`), a real date, and "effective" says the same. The
 * date is the version's address, so the two can never disagree.
 */
function checkEffective(path: string, source: string, written: unknown): string {
  const named = basename(path).replace(/\.mdx$/, '');
  const scalar = typeof written === 'string' || typeof written === 'number' || typeof written === 'boolean';
  if (isIsoDate(named) && written === named) return named;
  throw new EffectiveDateError(
    `${source}: "effective" must be a real date written YYYY-MM-DD (like ${isIsoDate(named) ? named : '2026-11-24'}), ` +
      `got ${scalar ? `"${String(written)}"` : 'nothing'}, and the same date as the file's name: ` +
      `a version's file is named for the day it takes effect.`,
    written,
  );
}

/**
 * One version file at `path`, in the folder of versions `policiesDir`. Throws
 * a PolicyFileError naming the file when it is missing, has no frontmatter,
 * its frontmatter is not YAML, or its date is not one real date.
 */
export function readPolicyFile(
  policiesDir: string,
  path: string,
  sourceOf: (path: string) => string = fromHere,
): PolicyFile {
  const absolute = resolve(path);
  const source = sourceOf(absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PolicyFileError(`${source} does not exist.`);
    throw error;
  }
  const split = splitFrontmatter(text);
  if (!split) {
    throw new PolicyFileError(
      `${source} has no frontmatter between "---" lines: a version starts with its policy, effective date, version and summary.`,
    );
  }
  let data: Record<string, unknown> | undefined;
  try {
    data = readFrontmatter(text);
  } catch (error) {
    throw new PolicyFileError(
      `${source}: its frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}).`,
    );
  }
  return {
    file: versionKey(resolve(policiesDir), absolute),
    path: absolute,
    source,
    text,
    data: data ?? {},
    body: split.body,
    effective: checkEffective(absolute, source, data?.['effective']),
    sha256: sha256(text),
  };
}

/** Every version file under `policiesDir` (each policy's folder), in the order of their paths. */
export function readPolicyFiles(policiesDir: string, sourceOf: (path: string) => string = fromHere): PolicyFile[] {
  let names: string[];
  try {
    names = readdirSync(policiesDir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new PolicyFileError(
      `${sourceOf(resolve(policiesDir))} does not exist: POLICIES_DIR must name a folder of policy versions (default ${CONTENT_PATH}).`,
    );
  }
  return names
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => readPolicyFile(policiesDir, join(policiesDir, name), sourceOf));
}

/**
 * A version file as the record and its checks take it. Throws a RecordError
 * naming the file when its frontmatter lacks what identifies the version.
 */
export function checkedVersion({ file, source, text, data, effective, sha256 }: PolicyFile): CheckedVersion {
  const policy = data['policy'];
  const version = data['version'];
  if (!isPolicyId(policy)) throw new RecordError(`${source}: "policy" must be integritetspolicy or cookiepolicy.`);
  if (typeof version !== 'string' && typeof version !== 'number') {
    throw new RecordError(`${source}: "version" is missing.`);
  }
  return {
    file,
    source,
    text,
    policy,
    effective,
    version: String(version).trim(),
    draft: data['draft'] === true,
    sha256,
  };
}

/** Every version file under `policiesDir` as the record and its checks take it. */
export function readVersionFiles(policiesDir: string, sourceOf?: (path: string) => string): CheckedVersion[] {
  return readPolicyFiles(policiesDir, sourceOf).map(checkedVersion);
}

/** The record in `policiesDir`, named `source` in messages; an empty one when the folder has none yet. */
export function readRecord(policiesDir: string, source: string): PublicationRecord {
  const path = join(policiesDir, RECORD_FILE);
  return existsSync(path) ? parseRecord(readFileSync(path, 'utf8'), source) : { versions: [] };
}

/**
 * Whether git has ever known a file: false when the history of the repository
 * that holds `dir` has no trace of it, undefined when there is none to ask.
 */
export function existedInGit(dir: string, path: string): boolean | undefined {
  const result = spawnSync('git', ['log', '--all', '--format=%H', '-1', '--', path], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0 || result.error) return undefined;
  return result.stdout.trim() !== '';
}
