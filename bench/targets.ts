// The targets the benchmark reports on: met or missed, with the figure that decided it.
import { CATEGORIES } from './lighthouse.ts';
import type { Results } from './results.ts';

/** One line per target whose figures this run measured; empty when none. */
export function targets({ returning, lighthouse: lh, scale, scan, consentLog }: Results): string {
  const lines: string[] = [];
  if (returning) {
    const heaviest = Math.max(...returning.map((result) => result.run.consent));
    const slowest = Math.max(...returning.map((result) => result.hover));
    lines.push(
      `- A repeat visit runs at most 2 KiB of consent JS gzipped on every page: **${heaviest <= 2048 ? 'met' : 'missed'}** (at most ${heaviest} B).`,
      `- The preferences open within 100 ms of a click after hover (median): **${slowest <= 100 ? 'met' : 'missed'}** (at most ${slowest.toFixed(0)} ms).`,
    );
  }
  if (lh) {
    const below = lh.flatMap((result) =>
      CATEGORIES.filter((id) => (result.scores[id] ?? 100) < 100).map(
        (id) => `${result.name} ${id} ${result.scores[id]}`,
      ),
    );
    lines.push(
      below.length === 0
        ? '- Lighthouse 100 in every category on every page type: **met**.'
        : `- Lighthouse 100 in every category on every page type: **missed** (${below.join('; ')}).`,
    );
  }
  const at = (count: number) => scale?.find((result) => result.count === count);
  const thousand = at(1000);
  const hundred = at(100);
  if (thousand) {
    const seconds = thousand.seconds;
    lines.push(
      `- 2 × 1000 versions built in under 60 s: **${seconds < 60 ? 'met' : 'missed'}** (${seconds.toFixed(1)} s).`,
    );
  }
  if (thousand) {
    const { bytes, path } = thousand.largest;
    lines.push(
      `- At 1000 versions no HTML page over 100 KB: **${bytes <= 100_000 ? 'met' : 'missed'}** (largest ${bytes} B, \`${path}\`).`,
    );
  }
  if (thousand && hundred) {
    const ratio = thousand.seconds / hundred.seconds;
    lines.push(`- t(1000) / t(100) at most 12: **${ratio <= 12 ? 'met' : 'missed'}** (${ratio.toFixed(1)}).`);
  }
  if (scan) {
    lines.push(
      `- Cookie scan of every page in every consent state in under 60 s: **${scan.seconds < 60 ? 'met' : 'missed'}** (${scan.seconds.toFixed(1)} s).`,
    );
  }
  if (consentLog) {
    const { errors, p99 } = consentLog.consentLog;
    lines.push(
      `- Consent log: 0 errors and p99 under 50 ms: **${errors === 0 && p99 < 50 ? 'met' : 'missed'}** (${errors} errors, p99 ${p99.toFixed(1)} ms).`,
    );
  }
  return lines.join('\n');
}
