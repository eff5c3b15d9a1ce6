// The targets the benchmark reports on: met or missed, with the figure that decided it.
import { CATEGORIES } from './lighthouse.ts';
import type { PagesSiteName } from './pagesSite.ts';
import type { Results, SiteResults } from './results.ts';
import { eventMs, eventRatio } from './tables.ts';

/** One line per target whose figures this run measured; empty when none. */
export function targets({ sites = {}, scale, scan, consentLog }: Results): string {
  const lines: string[] = [];
  for (const [name, { returning, accept, lighthouse: lh }] of Object.entries(sites) as [PagesSiteName, SiteResults][]) {
    if (returning) {
      const heaviest = Math.max(...returning.map((result) => result.run.consent));
      lines.push(
        `- ${name}: a repeat visit runs at most 2 KiB of consent JS gzipped on every page: **${heaviest <= 2048 ? 'met' : 'missed'}** (at most ${heaviest} B).`,
      );
      const open = returning.flatMap((result) => (result.open ? [result.open] : []));
      if (open.length > 0) {
        const afterHover = Math.max(...open.map((times) => times.hover));
        const tap = Math.max(...open.map((times) => times.tap));
        lines.push(
          `- ${name}: the preferences open within 100 ms of a click after hover (median, on every page timed): **${afterHover <= 100 ? 'met' : 'missed'}** (at most ${afterHover.toFixed(0)} ms).`,
          `- ${name}: the preferences open within 100 ms of a tap on a phone (median, on every page timed): **${tap <= 100 ? 'met' : 'missed'}** (at most ${tap.toFixed(0)} ms).`,
        );
      }
    }
    if (accept) {
      const { ours, bare } = accept;
      const met = ours.interaction <= bare.interaction;
      lines.push(
        `- ${name}: Acceptera alla answers no slower than the bare library's (Event Timing, median; ratio at most 1.0): **${met ? 'met' : 'missed'}** (${eventMs(ours.interaction)} against ${eventMs(bare.interaction)}, ratio ${eventRatio(ours.interaction, bare.interaction)}).`,
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
          ? `- ${name}: Lighthouse 100 in every category on every page type: **met**.`
          : `- ${name}: Lighthouse 100 in every category on every page type: **missed** (${below.join('; ')}).`,
      );
    }
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
