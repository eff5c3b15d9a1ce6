// What the browser holds once a page has settled. Cookies come from the DevTools
// protocol, so those set by HTTP headers and by other origins are seen too;
// storage is read in every frame; and what the visit wrote and removed again is
// added from the writes ./writeHook.ts saw.
import type { CDPSession, Page } from '@playwright/test';
import { partyOf } from '../compare.ts';
import type { StoredItem } from '../types.ts';
import { itemKey, sleep, type Recorder } from './recorder.ts';

/**
 * Reads one frame's storage: keys, databases, caches and service workers.
 * Runs in the page, so it may use nothing from outside itself.
 */
async function readFrameStorage() {
  const result = {
    origin: location.origin,
    localStorage: [] as string[],
    sessionStorage: [] as string[],
    indexedDB: [] as string[],
    cacheStorage: [] as string[],
    serviceWorker: [] as string[],
  };
  try {
    result.localStorage = Object.keys(localStorage);
  } catch {
    // Blocked or absent: nothing stored there.
  }
  try {
    result.sessionStorage = Object.keys(sessionStorage);
  } catch {
    // As above.
  }
  try {
    result.indexedDB = (await indexedDB.databases()).map((database) => database.name ?? '');
  } catch {
    // As above.
  }
  try {
    if (typeof caches !== 'undefined') result.cacheStorage = await caches.keys();
  } catch {
    // As above.
  }
  try {
    if (navigator.serviceWorker) {
      result.serviceWorker = (await navigator.serviceWorker.getRegistrations()).map(
        (registration) =>
          (registration.active ?? registration.waiting ?? registration.installing)?.scriptURL ?? registration.scope,
      );
    }
  } catch {
    // As above.
  }
  return result;
}

/** The storage kinds read in each frame. */
const FRAME_STORAGE = ['localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage', 'serviceWorker'] as const;

/**
 * What the browser holds now: every cookie in the context, and the storage of
 * every frame of the page, with the writes of this visit that left nothing behind.
 */
export async function readItems(page: Page, cdp: CDPSession, recorder: Recorder): Promise<StoredItem[]> {
  const now = Date.now() / 1000;
  const items: StoredItem[] = [];
  const writersOf = (key: string, extra: string[] = []) => [
    ...new Set([...(recorder.writers.get(key) ?? []), ...extra]),
  ];
  const { cookies } = await cdp.send('Network.getAllCookies');
  for (const cookie of cookies) {
    const where = cookie.domain.replace(/^\./, '');
    items.push({
      storage: 'cookie',
      name: cookie.name,
      where: cookie.domain,
      party: partyOf(where, recorder.host),
      path: cookie.path,
      expires: cookie.session ? null : new Date(cookie.expires * 1000).toISOString(),
      lifetimeSeconds: cookie.session ? null : Math.round(cookie.expires - now),
      httpOnly: cookie.httpOnly,
      secure: cookie.secure,
      ...(cookie.sameSite ? { sameSite: cookie.sameSite } : {}),
      writers: writersOf(itemKey('cookie', cookie.name, where), [...(recorder.httpWriters.get(cookie.name) ?? [])]),
    });
  }
  const frames = await Promise.all(
    page
      .frames()
      .map((frame) =>
        Promise.race([frame.evaluate(readFrameStorage).catch(() => undefined), sleep(3000).then(() => undefined)]),
      ),
  );
  const present = new Set(items.map((item) => itemKey(item.storage, item.name, item.where)));
  for (const frame of frames) {
    if (!frame || !/^https?:/.test(frame.origin)) continue;
    const party = partyOf(new URL(frame.origin).hostname, recorder.host);
    for (const storage of FRAME_STORAGE) {
      for (const name of frame[storage]) {
        const key = itemKey(storage, name, frame.origin);
        if (present.has(key)) continue;
        present.add(key);
        items.push({ storage, name, where: frame.origin, party, writers: writersOf(key) });
      }
    }
  }
  for (const worker of page.context().serviceWorkers()) {
    const origin = new URL(worker.url()).origin;
    const key = itemKey('serviceWorker', worker.url(), origin);
    if (present.has(key)) continue;
    present.add(key);
    items.push({
      storage: 'serviceWorker',
      name: worker.url(),
      where: origin,
      party: partyOf(new URL(origin).hostname, recorder.host),
      writers: [],
    });
  }
  // Written during the visit, gone by now: stored all the same, if briefly.
  for (const write of recorder.writes) {
    const key = itemKey(write.storage, write.name, write.where);
    if (present.has(key)) continue;
    present.add(key);
    const host = write.storage === 'cookie' ? write.where : new URL(write.where).hostname;
    items.push({
      storage: write.storage,
      name: write.name,
      where: write.where,
      party: partyOf(host, recorder.host),
      ...(write.cookie ? { path: write.cookie.path, lifetimeSeconds: write.cookie.lifetimeSeconds } : {}),
      writers: writersOf(key),
      transient: true,
    });
  }
  return items.sort((a, b) => a.storage.localeCompare(b.storage) || a.name.localeCompare(b.name));
}
