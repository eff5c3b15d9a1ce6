/**
 * `npm test`: the type check, the linters and the unit tests side by side, then the browser tests.
 * The first three share the two cores where each alone leaves one idle (the type check and the
 * linters run on about one, the unit tests wait on builds); each one's output is printed whole
 * when it ends. The browser tests run only when all three pass, with their output as it comes.
 */
import { spawn } from 'node:child_process';
import { withBuildLock } from './astroBuild.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`; its output kept, or shown as it comes. */
function run(
  script: string,
  keep: boolean,
): Promise<{ script: string; code: number; output: string; seconds: number }> {
  const started = performance.now();
  const child = spawn(npm, ['run', '--silent', script], { stdio: keep ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((done) =>
    child.on('close', (code, signal) =>
      done({ script, code: code ?? (signal ? 1 : 0), output, seconds: (performance.now() - started) / 1000 }),
    ),
  );
}

const first = await Promise.all(
  ['check', 'lint', 'test:unit'].map((script) =>
    // The type check syncs the real project's `.astro/`, where the unit tests' builds of it write
    // too: it takes its turn through their lock.
    (script === 'check' ? withBuildLock(() => run(script, true)) : run(script, true)).then((result) => {
      process.stdout.write(
        `\n── npm run ${script}: ${result.code === 0 ? 'passed' : `failed (exit ${result.code})`} in ${result.seconds.toFixed(0)} s ──\n${result.output}`,
      );
      return result;
    }),
  ),
);
const failed = first.filter((result) => result.code !== 0).map((result) => result.script);
if (failed.length > 0) {
  console.error(`\nnpm test: ${failed.join(', ')} failed; the browser tests did not run.`);
  process.exit(1);
}
const e2e = await run('test:e2e', false);
process.exit(e2e.code);
