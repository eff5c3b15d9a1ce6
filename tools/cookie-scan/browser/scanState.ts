// One consent state in a fresh browser context: the choice made on the first
// page, then every page visited and read once it has settled.
import { ScanInputError } from '../errors.ts';
import type { DeclarationDocument, Snapshot, StateDef, StateResult } from '../types.ts';
import { bannerVisible, choose, NO_CONSENT, waitForBanner, withdraw, type Consent } from './banner.ts';
import { newVisitorContext, type LaunchedBrowser } from './launch.ts';
import { readItems } from './readItems.ts';
import { Recorder } from './recorder.ts';
import { hookContextWrites } from './writeHook.ts';

/** What a state's scan reads, and whom it tells of each page read. */
export interface StateScan {
  origin: string;
  paths: string[];
  declaration: DeclarationDocument;
  onPage?: (state: StateDef, snapshot: Snapshot) => void;
}

/**
 * Scans one state in a fresh browser context: makes the choice on the first
 * page, then reads every page.
 */
export async function scanState(
  launched: LaunchedBrowser,
  state: StateDef,
  { origin, paths, declaration, onPage }: StateScan,
): Promise<StateResult> {
  const context = await newVisitorContext(launched);
  const recorder = new Recorder(origin);
  recorder.watchRequests(context);
  await hookContextWrites(context, recorder);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await recorder.watchHeaders(cdp);
  const categories = declaration.categories.map((category) => category.id);
  const snapshots: Snapshot[] = [];
  let consent: Consent = NO_CONSENT;

  const read = async (path: string, status: number | null) => {
    const snapshot: Snapshot = {
      page: path,
      at: new Date().toISOString(),
      status,
      ...consent,
      items: await readItems(page, cdp, recorder),
      requests: recorder.requests,
    };
    snapshots.push(snapshot);
    onPage?.(state, snapshot);
    recorder.nextVisit();
  };

  let url = origin;
  try {
    for (const [index, path] of paths.entries()) {
      url = new URL(path, origin).href;
      recorder.nextVisit();
      const response = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
      const status = response?.status() ?? null;
      if (state.kind === 'none' || index === 0) await waitForBanner(page, url);
      if (index === 0) consent = await choose(page, state, categories, url);
      await recorder.settle();
      if (state.kind !== 'none' && index > 0 && (await bannerVisible(page))) {
        throw new ScanInputError(
          `The banner asked again on ${url} after the choice made on the first page: the site did not keep the choice, so the state "${state.id}" cannot be scanned.`,
        );
      }
      await read(path, status);
      if (index === 0 && state.kind === 'withdrawn' && state.category) {
        consent = await withdraw(page, state.category, categories, url, () => recorder.settle());
        await read(path, status);
      }
    }
  } catch (error) {
    // A page that does not load, or a banner that does not answer: say where, without a stack trace.
    if (error instanceof ScanInputError) throw error;
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
    throw new ScanInputError(`The scan of the state "${state.id}" stopped on ${url}: ${message}`);
  } finally {
    await context.close();
  }
  return { ...state, snapshots };
}
