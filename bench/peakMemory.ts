// Preloaded into the benchmark's builds (NODE_OPTIONS=--import): on exit, each
// Node process appends its peak resident memory, in KiB, to BENCH_PEAK_FILE.
import { appendFileSync } from 'node:fs';

const file = process.env['BENCH_PEAK_FILE'];
if (file) {
  process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
