// The scan in the terminal: a progress line per page and state while it runs,
// then one table per state and the findings.
import { matchEntry, classifyRequest } from '../compare.ts';
import type { DeclarationDocument, ScanResult, Snapshot, StateDef, StateResult, StoredItem } from '../types.ts';
import { categoryTitle, FINDING_TITLES, formatLifetime, stateLabel, STORAGE_NAMES } from './labels.ts';

/** The line logged for each page read: what it held, in which state. */
export function progressLine(state: StateDef, snapshot: Snapshot, declaration: DeclarationDocument): string {
  const stored = snapshot.items.filter((item) => item.storage !== 'cookie').length;
  const cookies = snapshot.items.length - stored;
  const before = state.kind === 'withdrawn' && snapshot.phase !== 'withdrawn' ? ' (before withdrawing)' : '';
  return (
    `${`${stateLabel(state, declaration, 'en')}${before}`.padEnd(40)} ${snapshot.page.padEnd(40)} ` +
    `${cookies} cookie${cookies === 1 ? '' : 's'}, ${stored} other storage, ` +
    `${snapshot.requests.length} request${snapshot.requests.length === 1 ? '' : 's'} to other origins`
  );
}

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/**
 * A plain text table, columns as wide as their widest cell (up to a limit).
 */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.min(48, Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length))),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, column) => cut(cell, widths[column] ?? 0).padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** An item as a state saw it, on which pages, and whether after the withdrawal. */
export interface StateItem {
  item: StoredItem;
  pages: string[];
  withdrawn: boolean;
}

/** Another origin a state called: how often, on which pages, and what it is. */
export interface StateOrigin {
  origin: string;
  count: number;
  what: string;
  pages: Set<string>;
}

/**
 * Every item a state saw, merged over its pages (and over the withdrawal, kept apart).
 */
export function stateItems(state: StateResult): StateItem[] {
  const merged = new Map<string, StateItem>();
  for (const snapshot of state.snapshots) {
    const withdrawn = snapshot.phase === 'withdrawn';
    for (const item of snapshot.items) {
      const key = `${withdrawn}|${item.storage}|${item.name}|${item.where}|${item.path ?? ''}`;
      const entry = merged.get(key);
      if (!entry) merged.set(key, { item, pages: [snapshot.page], withdrawn });
      else if (!entry.pages.includes(snapshot.page)) entry.pages.push(snapshot.page);
    }
  }
  return [...merged.values()];
}

/**
 * Every other origin a state called, with how often and what it is.
 */
export function stateOrigins(state: StateResult, declaration: DeclarationDocument): StateOrigin[] {
  const origins = new Map<string, StateOrigin>();
  for (const snapshot of state.snapshots) {
    for (const request of snapshot.requests) {
      const origin = new URL(request.url).origin;
      const { endpoint, tools } = classifyRequest(request.url, declaration);
      const what = endpoint ?? (tools.length > 0 ? tools.map((tool) => tool.name).join(' / ') : 'not declared');
      const key = `${origin}|${what}`;
      const entry = origins.get(key) ?? origins.set(key, { origin, count: 0, what, pages: new Set() }).get(key);
      if (entry) {
        entry.count++;
        entry.pages.add(snapshot.page);
      }
    }
  }
  return [...origins.values()];
}

const pagesText = (pages: string[], total: number) =>
  pages.length === total && total > 1 ? `all ${total}` : pages.join(' ');

/** How many states were scanned, and of how many when `--states` chose some. */
const statesText = ({ states, stateIds }: ScanResult) =>
  states.length === stateIds.length
    ? `${states.length} states`
    : `${states.length} of ${stateIds.length} states (chosen with --states)`;

/**
 * The summary printed at the end of a scan.
 */
export function summary(result: ScanResult): string {
  const { declaration } = result;
  const lines = [
    '',
    `Cookie and storage scan of ${result.origin}`,
    `Declaration: cookie policy version ${declaration.policy.version}, in force since ${declaration.policy.effective} (${declaration.policy.permanentUrl})`,
    `${result.pages.length} page${result.pages.length === 1 ? '' : 's'}, ${statesText(result)}, ${result.browser}, ${result.startedAt}`,
  ];
  for (const state of result.states) {
    const pageCount = result.pages.length;
    lines.push('', `== ${stateLabel(state, declaration, 'en')} ==`);
    const items = stateItems(state);
    if (items.length === 0) lines.push('  Nothing stored.');
    else {
      lines.push(
        table(
          ['Type', 'Name', 'Where', 'Party', 'Lifetime', 'Declared', 'Pages'],
          items.map(({ item, pages, withdrawn }) => {
            const entry = matchEntry(declaration.entries, item);
            return [
              STORAGE_NAMES[item.storage].en + (item.transient ? ' (gone)' : ''),
              item.name,
              item.where,
              item.party,
              item.storage === 'cookie' ? formatLifetime(item.lifetimeSeconds, 'en') : '',
              entry ? `${categoryTitle(declaration, entry.category)}, ${entry.duration}` : 'NOT DECLARED',
              (withdrawn ? 'after withdrawal: ' : '') + pagesText(pages, pageCount),
            ];
          }),
        ),
      );
    }
    const origins = stateOrigins(state, declaration);
    if (origins.length > 0) {
      lines.push(
        '',
        table(
          ['Requests to', 'Count', 'What', 'Pages'],
          origins.map((entry) => [
            entry.origin,
            String(entry.count),
            entry.what,
            pagesText([...entry.pages], pageCount),
          ]),
        ),
      );
    }
  }
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  const warnings = result.findings.filter((finding) => finding.severity === 'warning');
  lines.push('', '== Findings ==');
  if (result.findings.length === 0) lines.push('  None: the site stores and calls exactly what its declaration says.');
  for (const finding of result.findings) {
    const states = finding.states
      .map((id) => result.states.find((state) => state.id === id))
      .map((state) => (state ? stateLabel(state, declaration, 'en') : ''))
      .join('; ');
    lines.push(
      `  ${finding.severity === 'error' ? 'ERROR  ' : 'warning'} ${finding.name}: ${finding.message}`,
      ...(states ? [`          in: ${states}`] : []),
      ...(finding.pages.length > 0 ? [`          on: ${pagesText(finding.pages, result.pages.length)}`] : []),
    );
  }
  lines.push(
    '',
    `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}; ` +
      `${result.pages.length} page${result.pages.length === 1 ? '' : 's'} in ${statesText(result)} in ${result.seconds.toFixed(1)} s.`,
  );
  if (errors.length > 0) {
    lines.push(
      `What the errors mean: ${[...new Set(errors.map((error) => error.name))].map((name) => `${name}: ${FINDING_TITLES[name].en.toLowerCase()}`).join('; ')}.`,
    );
  }
  return lines.join('\n');
}
