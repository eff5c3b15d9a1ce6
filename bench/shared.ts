// What every part of the benchmark shares: where it works, how it reports progress,
// and how it sums up repeated samples.
import { join, resolve } from 'node:path';

/** The repository. */
export const root = resolve(import.meta.dirname, '..');
/** The benchmark's scratch folder: its builds, their logs, and a partial run's report. */
export const work = join(root, '.bench');
/** Where the measured pages are served (`BENCH_PORT`, default 4490); the cookie scan's local site listens two above. */
export const PORT = Number(process.env['BENCH_PORT'] || 4490);

/** One line of progress on stdout. */
export const log = (message: string): void => console.log(`[bench] ${message}`);

/** The middle value of `values`, or the mean of the middle two when there is an even number of them. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}
