// The report's tables, one per part, in Markdown.
import { EVENT_THRESHOLD, type AcceptComparison, type AcceptFigures } from './acceptClick.ts';
import type { ConsentLogFigures, LoadFigures } from './consentLog.ts';
import type { Returning } from './interaction.ts';
import { CATEGORIES, type LighthouseResult } from './lighthouse.ts';
import { PAGE_TYPES, type PagesSiteName } from './pagesSite.ts';
import type { PageWeight, Visit } from './pageWeights.ts';
import type { SiteResults } from './results.ts';
import type { ScaleResult } from './scale.ts';
import type { ScanFigures } from './scan.ts';

/** Bytes as KiB with one decimal. */
export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

/** A visit's HTML, CSS and JS together. */
const total = (visit: Visit): number => visit.bytes.html + visit.bytes.css + visit.bytes.js;

/** Requests and gzipped KiB per kind, first and repeat visit, per page. */
export function weightTable(weight: PageWeight[]): string {
  const row = (visit: Visit) =>
    `${visit.requests}${visit.revalidated ? ` (${visit.revalidated} × 304)` : ''} | ${kib(visit.bytes.html)} | ${kib(visit.bytes.css)} | ${kib(visit.bytes.js)} | ${kib(total(visit))}`;
  return [
    '| Page | Path | First visit: requests | HTML | CSS | JS | HTML+CSS+JS | Repeat visit: requests | HTML | CSS | JS | HTML+CSS+JS |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...weight.map(({ name, path, first, repeat }) => `| ${name} | \`${path}\` | ${row(first)} | ${row(repeat)} |`),
  ].join('\n');
}

/** Each page type's first visit in v1 and v2 side by side, and what v2 adds. */
export function firstVisitTable(v1: PageWeight[], v2: PageWeight[]): string {
  const cells = (weight: PageWeight | undefined) =>
    weight
      ? `${weight.first.requests} | ${kib(weight.first.bytes.html)} | ${kib(weight.first.bytes.css)} | ${kib(weight.first.bytes.js)} | ${kib(total(weight.first))}`
      : '— | — | — | — | —';
  return [
    '| Page | v1: requests | HTML | CSS | JS | HTML+CSS+JS | v2: requests | HTML | CSS | JS | HTML+CSS+JS | v2 − v1 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...PAGE_TYPES.flatMap((name) => {
      const [before, after] = [v1, v2].map((weight) => weight.find((page) => page.name === name));
      if (!before && !after) return [];
      const change = before && after ? total(after.first) - total(before.first) : undefined;
      const difference = change === undefined ? '—' : `${change >= 0 ? '+' : '−'}${kib(Math.abs(change))}`;
      return [`| ${name} | ${cells(before)} | ${cells(after)} | ${difference} |`];
    }),
  ].join('\n');
}

/** The JS a returning visitor runs, per page. */
export function returningTable(results: Returning[]): string {
  return [
    '| Page | Path | Scripts run | JS run (gzipped) | of it consent |',
    '| --- | --- | ---: | ---: | ---: |',
    ...results.map(
      (result) =>
        `| ${result.name} | \`${result.path}\` | ${result.run.scripts} | ${result.run.bytes} B | ${result.run.consent} B |`,
    ),
  ].join('\n');
}

/** The click- and tap-to-preferences medians of every page timed, build by build. */
export function openTable(sites: [PagesSiteName, SiteResults][]): string {
  return [
    '| Build | Page | Path | Click after hover | Click, no hover | Tap on a phone |',
    '| --- | --- | --- | ---: | ---: | ---: |',
    ...sites.flatMap(([build, { returning }]) =>
      (returning ?? []).flatMap(({ name, path, open }) =>
        open
          ? [
              `| ${build} | ${name} | \`${path}\` | ${open.hover.toFixed(0)} ms | ${open.direct.toFixed(0)} ms | ${open.tap.toFixed(0)} ms |`,
            ]
          : [],
      ),
    ),
  ].join('\n');
}

/** An Event Timing median: none of the samples' interactions reached the threshold when it is 0. */
export const eventMs = (ms: number): string => (ms > 0 ? `${ms.toFixed(0)} ms` : `< ${EVENT_THRESHOLD} ms`);

/** Ours over the bare library's Event Timing medians; bounded where one was under the threshold. */
export function eventRatio(ours: number, bare: number): string {
  if (ours > 0 && bare > 0) return (ours / bare).toFixed(2);
  if (ours === 0 && bare === 0) return '—';
  return ours === 0 ? `< ${(EVENT_THRESHOLD / bare).toFixed(2)}` : `> ${(ours / EVENT_THRESHOLD).toFixed(2)}`;
}

/** Our Acceptera alla against the bare library's, build by build. */
export function acceptTable(sites: [PagesSiteName, AcceptComparison][]): string {
  const figures = (ours: AcceptFigures, bare: AcceptFigures) =>
    `${eventMs(ours.interaction)} | ${eventMs(bare.interaction)} | ${eventRatio(ours.interaction, bare.interaction)} | ` +
    `${ours.nextFrame.toFixed(0)} ms | ${bare.nextFrame.toFixed(0)} ms | ${(ours.nextFrame / bare.nextFrame).toFixed(2)}`;
  return [
    '| Build | Page | Interaction (Event Timing): ours | bare library | ratio | Pointerdown to next frame: ours | bare library | ratio |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...sites.map(([build, { path, ours, bare }]) => `| ${build} | \`${path}\` | ${figures(ours, bare)} |`),
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
