/** Reads a folder of policy versions for the commands that check and record them. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isIsoDate } from '../dates.ts';
import { readFrontmatter } from '../frontmatter.ts';
import { isPolicyId } from '../policyCatalog.ts';
import type { CheckedVersion } from './check.ts';
import { parseRecord, RECORD_FILE, RecordError, sha256, type PublicationRecord } from './record.ts';

/** A path relative to the folder of versions, with `/` whatever the system. */
export const versionKey = (policiesDir: string, path: string): string =>
  relative(policiesDir, path).split(sep).join('/');

/**
 * One version file as the checks need it, from its text. Throws a RecordError
 * naming the file when its frontmatter lacks what identifies the version.
 */
export function checkedVersion(file: string, source: string, text: string): CheckedVersion {
  let data: Record<string, unknown> | undefined;
  try {
    data = readFrontmatter(text);
  } catch (error) {
    throw new RecordError(`${source}: its frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]}).`);
  }
  const policy = data?.['policy'];
  const effective = data?.['effective'];
  const version = data?.['version'];
  if (!isPolicyId(policy)) throw new RecordError(`${source}: "policy" must be integritetspolicy or cookiepolicy.`);
  if (!isIsoDate(effective)) throw new RecordError(`${source}: "effective" must be a real date written YYYY-MM-DD.`);
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
    draft: data?.['draft'] === true,
    sha256: sha256(text),
  };
}

/** Every version file under `policiesDir`, named for messages by `sourceOf`. */
export function readVersionFiles(policiesDir: string, sourceOf: (path: string) => string): CheckedVersion[] {
  return readdirSync(policiesDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const path = join(policiesDir, name);
      return checkedVersion(versionKey(policiesDir, path), sourceOf(path), readFileSync(path, 'utf8'));
    });
}

/** The record in `policiesDir`; an empty one when the folder has none yet. */
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
