/**
 * The content sets the browser tests, the unit tests and the benchmark build with
 * `POLICIES_DIR`: each a folder of policy versions and their record, made from the
 * real content and the test fixtures.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PLACEHOLDER } from '#lib/placeholders.ts';
import { publish, RECORD_FILE, serializeRecord } from '#lib/publication/record.ts';
import { CONTENT_PATH, readRecord, readVersionFiles } from '#lib/content/policyFiles.ts';

const root = resolve(import.meta.dirname, '../..');

/** The published content, as the site builds it without `POLICIES_DIR`. */
export const PUBLISHED_CONTENT = join(root, CONTENT_PATH);

/** Later, upcoming and draft versions that the tests add to the published ones. */
export const FIXTURE_VERSIONS = join(root, 'tests/fixtures/policies');

/**
 * Records every version in `dir` that is not a draft and not yet recorded, as
 * `npm run policy:publish` would, without its checks: for content sets that
 * stand for what was published.
 */
export function recordAllPublished(dir: string): void {
  const record = readRecord(dir, RECORD_FILE);
  const { record: next } = publish(
    record,
    readVersionFiles(dir, (path: string) => path),
    new Date(),
  );
  writeFileSync(join(dir, RECORD_FILE), serializeRecord(next));
}

/** Replaces `dir` with an empty folder. */
function fresh(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The published versions plus the test fixtures' later, upcoming and draft ones,
 * in one folder with one record. Replaces what was in `dir`.
 */
export function writeFixtureContent(dir: string): string {
  fresh(dir);
  const sources = [PUBLISHED_CONTENT, FIXTURE_VERSIONS];
  for (const source of sources) cpSync(source, dir, { recursive: true });
  const versions = sources.flatMap((source) => readRecord(source, RECORD_FILE).versions);
  writeFileSync(join(dir, RECORD_FILE), serializeRecord({ versions }));
  return dir;
}

/** What the drafts' placeholders are filled with, so that they can be built as published. */
export const FILLED_PLACEHOLDER = 'Uppgift från företaget';

/**
 * The real content as it would be once the company approves its drafts: every
 * draft published (`draft: false`), every `[FYLL I: …]` filled in and recorded.
 * Replaces what was in `dir`; `edit` may change the files before they are recorded.
 */
export function writePublishedDrafts(dir: string, edit?: (dir: string) => void): string {
  fresh(dir);
  cpSync(PUBLISHED_CONTENT, dir, { recursive: true });
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.mdx')) continue;
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    if (!/^draft: true$/m.test(text)) continue;
    writeFileSync(path, text.replace(/^draft: true$/m, 'draft: false').replace(PLACEHOLDER, FILLED_PLACEHOLDER));
  }
  edit?.(dir);
  recordAllPublished(dir);
  return dir;
}
