// Every consent state a scan goes through, each in a fresh context of one
// Chromium, a few at a time.
import type { DeclarationDocument, Snapshot, StateDef, StateResult } from '../types.ts';
import { launchBrowser } from './launch.ts';
import { scanState } from './scanState.ts';

/**
 * The states to scan, from the declaration's categories: no choice, refused,
 * each optional category alone, all, and all with each one withdrawn.
 */
export function statesFor(declaration: DeclarationDocument): StateDef[] {
  const optional = declaration.categories.map((category) => category.id).filter((id) => id !== 'necessary');
  return [
    { id: 'none', kind: 'none' },
    { id: 'refused', kind: 'refused' },
    ...optional.map((category) => ({ id: `only-${category}`, kind: 'only' as const, category })),
    { id: 'all', kind: 'all' },
    ...optional.map((category) => ({ id: `withdrawn-${category}`, kind: 'withdrawn' as const, category })),
  ];
}

/** Scans every state, a few at a time, each in a fresh context of one browser. */
export async function scanStates({
  origin,
  paths,
  declaration,
  workers = 4,
  only,
  onPage,
}: {
  origin: string;
  paths: string[];
  declaration: DeclarationDocument;
  /** The ids of the states to scan, all if not given. */
  only?: readonly string[];
  /** States scanned at once. */
  workers?: number;
  onPage?: (state: StateDef, snapshot: Snapshot) => void;
}): Promise<{ browser: string; states: StateResult[] }> {
  const launched = await launchBrowser();
  try {
    const states = statesFor(declaration).filter((state) => !only || only.includes(state.id));
    const results: StateResult[] = new Array(states.length);
    let next = 0;
    const worker = async () => {
      while (next < states.length) {
        const index = next++;
        const state = states[index] as StateDef;
        results[index] = await scanState(launched, state, {
          origin,
          paths,
          declaration,
          ...(onPage ? { onPage } : {}),
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(workers, states.length) }, worker));
    return { browser: `Chromium ${launched.version}`, states: results };
  } finally {
    await launched.browser.close();
  }
}
