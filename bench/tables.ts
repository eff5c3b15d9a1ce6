// The report's tables, one per part, in Markdown.
import type { ConsentLogFigures, LoadFigures } from './consentLog.ts';
import type { Returning } from './interaction.ts';
import { CATEGORIES, type LighthouseResult } from './lighthouse.ts';
import type { PageWeight, Visit } from './pageWeights.ts';
import type { ScaleResult } from './scale.ts';
import type { ScanFigures } from './scan.ts';

/** Bytes as KiB with one decimal. */
export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

/** Requests and gzipped KiB per kind, first and repeat visit, per page. */
export function weightTable(weight: PageWeight[]): string {
  const row = (visit: Visit) =>
    `${visit.requests}${visit.revalidated ? ` (${visit.revalidated} × 304)` : ''} | ${kib(visit.bytes.html)} | ${kib(visit.bytes.css)} | ${kib(visit.bytes.js)} | ${kib(visit.bytes.html + visit.bytes.css + visit.bytes.js)}`;
  return [
    '| Page | Path | First visit: requests | HTML | CSS | JS | HTML+CSS+JS | Repeat visit: requests | HTML | CSS | JS | HTML+CSS+JS |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...weight.map(({ name, path, first, repeat }) => `| ${name} | \`${path}\` | ${row(first)} | ${row(repeat)} |`),
  ].join('\n');
}

/** The JS a returning visitor runs and the click-to-preferences medians, per page. */
export function returningTable(results: Returning[]): string {
  return [
    '| Page | Path | Scripts run | JS run (gzipped) | of it consent | Click to preferences, after hover | Click to preferences, no hover |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (result) =>
        `| ${result.name} | \`${result.path}\` | ${result.run.scripts} | ${result.run.bytes} B | ${result.run.consent} B | ${result.hover.toFixed(0)} ms | ${result.direct.toFixed(0)} ms |`,
    ),
  ].join('\n');
}

/** Lighthouse scores and the three metrics, per page. */
export function lighthouseTable(results: LighthouseResult[]): string {
  return [
    '| Page | Performance | Accessibility | Best practices | SEO | LCP | CLS | TBT |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (result) =>
        `| ${result.name} | ${CATEGORIES.map((id) => result.scores[id]).join(' | ')} | ${(result.lcp / 1000).toFixed(2)} s | ${result.cls.toFixed(3)} | ${Math.round(result.tbt)} ms |`,
    ),
  ].join('\n');
}

/** Build cost and output per version count. */
export function scaleTable(results: ScaleResult[]): string {
  return [
    '| Versions per policy | MDX files | Pages | Build time | Peak memory | Output | Largest page (HTML) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...results.map(
      (result) =>
        `| ${result.count} | ${result.files} | ${result.pages} | ${result.seconds.toFixed(1)} s | ${result.peakMiB.toFixed(0)} MiB | ${(result.outputBytes / 2 ** 20).toFixed(1)} MiB | ${kib(result.largest.bytes)} KiB \`${result.largest.path}\` |`,
    ),
  ].join('\n');
}

/** The cookie scan's one row. */
export function scanTable(scan: ScanFigures): string {
  return [
    '| Pages | Consent states | Pages read | Scan time | Errors | Warnings |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${scan.pages} | ${scan.states} | ${scan.visits} | ${scan.seconds.toFixed(1)} s | ${scan.errors} | ${scan.warnings} |`,
  ].join('\n');
}

/** The consent log on each store, and its bare baseline, one row each. */
export function consentLogTable(result: ConsentLogFigures): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const row = (name: string, load: LoadFigures) =>
    `| ${name} | ${load.seconds.toFixed(1)} s | ${Math.round(load.throughput)} /s | ${ms(load.p50)} | ${ms(load.p95)} | ${ms(load.p99)} | ${ms(load.max)} | ${load.errors} |`;
  return [
    '| Server | Time | Throughput | p50 | p95 | p99 | Max | Errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('Consent log, SQLite', result.consentLog),
    ...(result.postgres ?? []).map((run) => row(`Consent log, ${run.name}`, run.load)),
    row('Bare Node server (baseline)', result.baseline),
  ].join('\n');
}
