// Page weight: what a first visit and a repeat visit with consent stored cost,
// counted from what went over the network (Chrome DevTools Protocol).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { QUIET_CHROMIUM } from '../tools/chromium/find.ts';
import type { MeasuredPage } from './pagesSite.ts';
import { log } from './shared.ts';

/** Bytes of response bodies as they came over the wire (gzipped where the server gzipped). */
export interface Bytes {
  html: number;
  css: number;
  js: number;
  other: number;
}

/** One visit to a page: the requests that went to the network, of them the 304s, and their bodies. */
export interface Visit {
  requests: number;
  revalidated: number;
  bytes: Bytes;
}

/** A page's first visit and its repeat visit after Acceptera alla. */
export interface PageWeight extends MeasuredPage {
  first: Visit;
  repeat: Visit;
}

const KINDS: Record<string, keyof Bytes> = { Document: 'html', Stylesheet: 'css', Script: 'js' };

async function visit(context: BrowserContext, url: string): Promise<Visit & { page: Page }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map<string, { type: string; cached: boolean }>();
  // What the server really answered: `responseReceived` shows a revalidated
  // response as the cached 200, `responseReceivedExtraInfo` as the 304 it was.
  const raw = new Map<string, { status: number; body: number }>();
  const entry = (id: string) => {
    let request = requests.get(id);
    if (!request) requests.set(id, (request = { type: 'Other', cached: false }));
    return request;
  };
  cdp.on('Network.requestWillBeSent', (event) => void (entry(event.requestId).type = event.type ?? 'Other'));
  cdp.on('Network.requestServedFromCache', (event) => void (entry(event.requestId).cached = true));
  cdp.on('Network.responseReceived', (event) => {
    const request = entry(event.requestId);
    request.type = event.type;
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) request.cached = true;
  });
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    const length = Object.entries(event.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    raw.set(event.requestId, { status: event.statusCode, body: Number(length ?? 0) });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const network = [...requests.entries()].flatMap(([id, request]) => {
    const answer = raw.get(id);
    return !request.cached && answer ? [{ ...request, ...answer }] : [];
  });
  const bytes: Bytes = { html: 0, css: 0, js: 0, other: 0 };
  for (const request of network) bytes[KINDS[request.type] ?? 'other'] += request.body;
  return {
    page,
    requests: network.length,
    revalidated: network.filter((request) => request.status === 304).length,
    bytes,
  };
}

/** Visits each page twice in one browser context: first with an empty cache, then after Acceptera alla. */
export async function measureWeight(origin: string, pages: MeasuredPage[], browserPath: string): Promise<PageWeight[]> {
  log('page weight…');
  const browser = await chromium.launch({ executablePath: browserPath, args: QUIET_CHROMIUM });
  const results: PageWeight[] = [];
  try {
    for (const { name, path } of pages) {
      const context = await browser.newContext({ locale: 'sv-SE' });
      const first = await visit(context, origin + path);
      await first.page.getByRole('button', { name: 'Acceptera alla' }).click();
      await first.page.getByRole('button', { name: 'Acceptera alla' }).waitFor({ state: 'hidden' });
      await first.page.close();
      const repeat = await visit(context, origin + path);
      const banner = await repeat.page.getByRole('button', { name: 'Acceptera alla' }).isVisible();
      if (banner) throw new Error(`The banner asked again on the repeat visit to ${path}.`);
      await context.close();
      results.push({ name, path, first, repeat });
    }
  } finally {
    await browser.close();
  }
  return results;
}
