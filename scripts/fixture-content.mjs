// The content sets the browser tests and the benchmark build with POLICIES_DIR.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [{ publish, serializeRecord, RECORD_FILE }, { readRecord, readVersionFiles }, { PLACEHOLDER }] =
  await Promise.all([
    import('../src/lib/publication/record.ts'),
    import('../src/lib/publication/versionFiles.ts'),
    import('../src/lib/placeholders.ts'),
  ]);

/**
 * Records every version in `dir` that is not a draft and not yet recorded, as
 * `npm run policy:publish` would, without its checks: for content sets that
 * stand for what was published.
 * @param {string} dir
 */
export function recordAllPublished(dir) {
  const record = readRecord(dir, RECORD_FILE);
  const { record: next } = publish(
    record,
    readVersionFiles(dir, (path) => path),
    new Date(),
  );
  writeFileSync(join(dir, RECORD_FILE), serializeRecord(next));
}

/** Replaces `dir` with an empty folder. */
function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The fixture content set: the published versions plus the test fixtures'
 * later, upcoming and draft ones, in one folder. Replaces what was in `dir`.
 * @param {string} dir
 * @returns {string} `dir`
 */
export function writeFixtureContent(dir) {
  fresh(dir);
  const sources = [join(root, 'src/content/policies'), join(root, 'tests/fixtures/policies')];
  for (const source of sources) cpSync(source, dir, { recursive: true });
  // One record for the two sets: the published versions' and the fixtures'.
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
 * @param {string} dir
 * @param {(dir: string) => void} [edit]
 * @returns {string} `dir`
 */
export function writePublishedDrafts(dir, edit) {
  fresh(dir);
  cpSync(join(root, 'src/content/policies'), dir, { recursive: true });
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
