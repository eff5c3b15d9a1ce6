// What the policy commands (policy:publish, policy:correct, policy:check) share: where
// the versions are, how files are named in messages, and how a refusal is printed.
import path from 'node:path';

const { RECORD_FILE, RecordError } = await import('../src/lib/publication/record.ts');

/** The folder of versions (POLICIES_DIR, default src/content/policies) and how messages name its files. */
export function locate() {
  const root = process.cwd();
  const policiesDir = path.resolve(root, process.env['POLICIES_DIR'] || 'src/content/policies');
  const sourceOf = (file) => path.relative(root, path.resolve(policiesDir, file)).split(path.sep).join('/');
  const recordPath = path.join(policiesDir, RECORD_FILE);
  return {
    policiesDir,
    sourceOf,
    recordPath,
    recordSource: sourceOf(RECORD_FILE),
  };
}

/**
 * Runs a command: its refusals (RecordError) are printed without a stack trace
 * and exit 1; anything else is a bug and keeps its stack.
 * @param {string} name
 * @param {() => Promise<number>} main
 */
export async function run(name, main) {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    console.error(`${name}: ${error.message}`);
    process.exitCode = 1;
  }
}
