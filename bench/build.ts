// `astro build` as the benchmark runs it: timed, and with the peak memory of every
// Node process it starts (bench/peakMemory.ts is preloaded into each).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, work } from './shared.ts';

const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
const peakMemory = pathToFileURL(join(import.meta.dirname, 'peakMemory.ts')).href;

/** What one build cost. */
export interface BuildFigures {
  seconds: number;
  /** The largest resident set of any of its processes. */
  peakMiB: number;
}

/**
 * Runs `astro build` with `env` on top of this process's environment, writes its
 * output to `logFile`, and measures it. Rejects when the build fails.
 */
export function build(env: Record<string, string>, logFile: string): Promise<BuildFigures> {
  const peakFile = join(work, `peak-${process.pid}-${Date.now()}.txt`);
  writeFileSync(peakFile, '');
  const started = performance.now();
  const child = spawn(process.execPath, [astroBin, 'build'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      BENCH_PEAK_FILE: peakFile,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${peakMemory}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  return new Promise((done, fail) => {
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      writeFileSync(logFile, Buffer.concat(output));
      if (code !== 0) {
        fail(new Error(`astro build failed (exit ${code}); see ${logFile}`));
        return;
      }
      const peaks = readFileSync(peakFile, 'utf8').split('\n').filter(Boolean).map(Number);
      rmSync(peakFile);
      done({ seconds, peakMiB: Math.max(...peaks) / 1024 });
    });
  });
}
