// @ts-check
// Drives the consent banner in Chromium through each consent state and reads,
// on every page, what the browser holds and whom it called. Cookies come from
// the DevTools protocol, so those set by HTTP headers and by other origins are
// seen too; storage is read in every frame; an init script notes who writes
// what, so that short-lived entries and their authors are seen as well.
import { chromium } from '@playwright/test';
import { findChromium, QUIET_CHROMIUM } from '../../tools/chromium/find.ts';
import { partyOf, withoutQuery } from './compare.mjs';
import { parseCookieText } from './cookieText.mjs';
import { ScanInputError } from './errors.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('./types.ts').CategoryId} CategoryId */
/** @typedef {import('./types.ts').DeclarationDocument} DeclarationDocument */
/** @typedef {import('./types.ts').StateDef} StateDef */
/** @typedef {import('./types.ts').StateResult} StateResult */
/** @typedef {import('./types.ts').Snapshot} Snapshot */
/** @typedef {import('./types.ts').StoredItem} StoredItem */
/** @typedef {import('./types.ts').RequestRecord} RequestRecord */
/** @typedef {import('./types.ts').ObservedStorage} ObservedStorage */

/** A write the init script saw: a cookie string, or a storage key or database name. */
/** @typedef {{ storage: ObservedStorage; text: string; script: string | null; stored: boolean }} WriteRecord */
/**
 * A write as the scan keeps it. `stored` is false for a cookie the page could
 * not read back at once: refused by the browser, or set for another path.
 * @typedef {{ storage: ObservedStorage; name: string; where: string; writer: string | null; stored: boolean; cookie?: ParsedCookieText }} Write
 */
/** @typedef {import('./cookieText.mjs').ParsedCookieText} ParsedCookieText */

/** How long a page may stay busy before it is read anyway. */
const SETTLE_MAX_MS = 8000;
/** A page counts as settled after this long without a request in flight. */
const QUIET_MS = 300;
/** How long to wait for the banner, which may load lazily. */
const BANNER_TIMEOUT_MS = 15000;

const BANNER = '#cc-main .cm';
const PREFERENCES = '#cc-main .pm';

/**
 * The states to scan, from the declaration's categories: no choice, refused,
 * each optional category alone, all, and all with each one withdrawn.
 * @param {DeclarationDocument} declaration
 * @returns {StateDef[]}
 */
export function statesFor(declaration) {
  const optional = declaration.categories.map((category) => category.id).filter((id) => id !== 'necessary');
  return [
    { id: 'none', kind: 'none' },
    { id: 'refused', kind: 'refused' },
    ...optional.map((category) => ({ id: `only-${category}`, kind: /** @type {const} */ ('only'), category })),
    { id: 'all', kind: 'all' },
    ...optional.map((category) => ({
      id: `withdrawn-${category}`,
      kind: /** @type {const} */ ('withdrawn'),
      category,
    })),
  ];
}

/**
 * Runs in every frame before the page's own scripts: reports each cookie
 * write, storage write and database opened, with the script that did it (the
 * first web address in the call stack below this hook), and whether a cookie
 * was taken (the browser refuses some, such as another site's domain).
 */
function hookWrites() {
  const w = /** @type {any} */ (window);
  const report = (/** @type {string} */ storage, /** @type {unknown} */ text, stored = true) => {
    try {
      const stack = new Error().stack ?? '';
      const script = /\(?(https?:\/\/[^\s)]+?):\d+:\d+\)?/.exec(stack)?.[1] ?? null;
      void w.__cookieScanWrite({ storage, text: String(text), script, stored });
    } catch {
      // Never let the scan break the page.
    }
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.get && cookie.set) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable ?? true,
      get() {
        return get.call(this);
      },
      set(value) {
        set.call(this, value);
        const name = String(value).split(';')[0]?.split('=')[0]?.trim();
        const stored = String(get.call(this))
          .split('; ')
          .some((pair) => pair.split('=')[0] === name);
        report('cookie', value, stored);
      },
    });
  }
  const setItem = Storage.prototype.setItem;
  /** @param {string} key @param {string} value */
  Storage.prototype.setItem = function (key, value) {
    let kind = 'localStorage';
    try {
      if (this === window.sessionStorage) kind = 'sessionStorage';
    } catch {
      // Storage may be blocked for this frame.
    }
    report(kind, key);
    return setItem.call(this, key, value);
  };
  const open = IDBFactory.prototype.open;
  /** @param {string} name @param {number} [version] */
  IDBFactory.prototype.open = function (name, version) {
    report('indexedDB', name);
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
  const store = w.CookieStore?.prototype;
  if (store?.set) {
    const storeSet = store.set;
    store.set = function (/** @type {any} */ nameOrOptions, /** @type {any} */ value) {
      const options = typeof nameOrOptions === 'string' ? { name: nameOrOptions, value } : (nameOrOptions ?? {});
      const attributes = [
        options.path ? `path=${options.path}` : '',
        options.domain ? `domain=${options.domain}` : '',
        options.expires ? `expires=${new Date(options.expires).toUTCString()}` : '',
      ];
      report('cookie', [`${options.name}=${options.value ?? ''}`, ...attributes.filter(Boolean)].join('; '));
      return storeSet.apply(this, /** @type {any} */ (arguments));
    };
  }
}

/**
 * Reads one frame's storage: keys, databases, caches and service workers.
 * Runs in the page.
 */
async function readFrameStorage() {
  const result = {
    origin: location.origin,
    localStorage: /** @type {string[]} */ ([]),
    sessionStorage: /** @type {string[]} */ ([]),
    indexedDB: /** @type {string[]} */ ([]),
    cacheStorage: /** @type {string[]} */ ([]),
    serviceWorker: /** @type {string[]} */ ([]),
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

/** @param {number} ms */
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Everything one browser context does while a state is scanned: the requests
 * in flight (to know when a page has settled), and what the current visit
 * requested and wrote.
 */
class Recorder {
  /** @param {string} origin */
  constructor(origin) {
    this.origin = origin;
    this.host = new URL(origin).hostname;
    /** @type {Set<unknown>} */
    this.inflight = new Set();
    this.lastActivity = Date.now();
    /** @type {RequestRecord[]} */
    this.requests = [];
    /** @type {Write[]} */
    this.writes = [];
    /** Who set each cookie by HTTP header, by cookie name. @type {Map<string, Set<string>>} */
    this.httpWriters = new Map();
    /** Who wrote each item, over the whole state, by item key. @type {Map<string, Set<string>>} */
    this.writers = new Map();
  }

  /** Starts a new visit: its requests and writes are recorded afresh. */
  nextVisit() {
    this.requests = [];
    this.writes = [];
  }

  /** Resolves once no request has been in flight for QUIET_MS, or after SETTLE_MAX_MS. */
  async settle() {
    const started = Date.now();
    while (Date.now() - started < SETTLE_MAX_MS) {
      if (this.inflight.size > 0) this.lastActivity = Date.now();
      else if (Date.now() - this.lastActivity >= QUIET_MS) return;
      await sleep(50);
    }
  }

  /**
   * @param {BrowserContext} context
   */
  async attach(context) {
    context.on('request', (request) => {
      this.inflight.add(request);
      this.lastActivity = Date.now();
      const url = request.url();
      if (!/^https?:/.test(url) || new URL(url).origin === this.origin) return;
      this.requests.push({ url, method: request.method(), type: request.resourceType() });
    });
    const done = (/** @type {unknown} */ request) => {
      this.inflight.delete(request);
      this.lastActivity = Date.now();
    };
    context.on('requestfinished', done);
    context.on('requestfailed', done);
    await context.exposeBinding('__cookieScanWrite', (source, /** @type {WriteRecord} */ record) => {
      const frameUrl = source.frame.url();
      if (!/^https?:/.test(frameUrl)) return;
      const frameOrigin = new URL(frameUrl).origin;
      if (record.storage === 'cookie') {
        const cookie = parseCookieText(record.text, Date.now() / 1000);
        if (!cookie.name) return;
        this.noteWrite({
          storage: 'cookie',
          name: cookie.name,
          where: cookie.domain ?? new URL(frameUrl).hostname,
          writer: record.script,
          stored: record.stored,
          cookie,
        });
      } else {
        this.noteWrite({
          storage: record.storage,
          name: record.text,
          where: frameOrigin,
          writer: record.script,
          stored: true,
        });
      }
    });
    await context.addInitScript(hookWrites);
  }

  /** @param {Write} write */
  noteWrite(write) {
    if (write.cookie?.deletes) return;
    // Only what was stored counts as stored, however briefly; every writer is noted.
    if (write.stored) this.writes.push(write);
    if (write.writer) {
      const key = itemKey(write.storage, write.name, write.where);
      (this.writers.get(key) ?? this.writers.set(key, new Set()).get(key))?.add(write.writer);
    }
  }

  /**
   * Cookies set by HTTP responses, from the DevTools protocol: who set them.
   * @param {CDPSession} cdp
   */
  async watchHeaders(cdp) {
    /** @type {Map<string, string>} */
    const urls = new Map();
    cdp.on('Network.requestWillBeSent', (event) => void urls.set(event.requestId, event.request.url));
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      const url = urls.get(event.requestId);
      const header = Object.entries(event.headers).find(([name]) => name.toLowerCase() === 'set-cookie')?.[1];
      if (!url || typeof header !== 'string') return;
      for (const line of header.split('\n')) {
        const cookie = parseCookieText(line, Date.now() / 1000);
        if (!cookie.name || cookie.deletes) continue;
        (this.httpWriters.get(cookie.name) ?? this.httpWriters.set(cookie.name, new Set()).get(cookie.name))?.add(
          withoutQuery(url),
        );
      }
    });
    await cdp.send('Network.enable');
  }
}

/**
 * @param {string} storage
 * @param {string} name
 * @param {string} where
 */
const itemKey = (storage, name, where) => `${storage}|${name}|${where.replace(/^\./, '')}`;

/**
 * What the browser holds now: every cookie in the context, and the storage of
 * every frame of the page, with the writes of this visit that left nothing behind.
 * @param {Page} page
 * @param {CDPSession} cdp
 * @param {Recorder} recorder
 * @returns {Promise<StoredItem[]>}
 */
async function readItems(page, cdp, recorder) {
  const now = Date.now() / 1000;
  /** @type {StoredItem[]} */
  const items = [];
  const writersOf = (/** @type {string} */ key, /** @type {string[]} */ extra = []) => [
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
  /** @type {Set<string>} */
  const present = new Set(items.map((item) => itemKey(item.storage, item.name, item.where)));
  for (const frame of frames) {
    if (!frame || !/^https?:/.test(frame.origin)) continue;
    const party = partyOf(new URL(frame.origin).hostname, recorder.host);
    for (const storage of /** @type {const} */ ([
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'cacheStorage',
      'serviceWorker',
    ])) {
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

/**
 * @param {Page} page
 * @param {string} url
 */
async function waitForBanner(page, url) {
  try {
    await page.locator(BANNER).waitFor({ state: 'visible', timeout: BANNER_TIMEOUT_MS });
  } catch {
    throw new ScanInputError(
      `No consent banner appeared on ${url} within ${BANNER_TIMEOUT_MS / 1000} s. The scan drives vanilla-cookieconsent's banner (#cc-main); without it, no consent state can be reached.`,
    );
  }
}

/**
 * @param {Page} page
 * @param {string} selector
 */
async function click(page, selector) {
  await page.locator(selector).first().click({ timeout: BANNER_TIMEOUT_MS });
}

/**
 * Opens the preferences the way a visitor does after choosing: the footer's
 * Cookieinställningar link, which may load the banner's code first.
 * @param {Page} page
 * @param {string} url
 */
async function openPreferences(page, url) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const link = page.locator('footer [data-cc="show-preferencesModal"], [data-cc="show-preferencesModal"]').first();
    if ((await link.count()) === 0) break;
    await link.click();
    try {
      await page.locator(PREFERENCES).waitFor({ state: 'visible', timeout: BANNER_TIMEOUT_MS / 2 });
      return;
    } catch {
      // The link may have followed its href before the banner's code was ready: try once more.
      await page.waitForLoadState('load');
    }
  }
  throw new ScanInputError(
    `The cookie preferences did not open from the link with data-cc="show-preferencesModal" on ${url}, so no category could be withdrawn.`,
  );
}

/**
 * Sets one category's switch in the open preferences.
 * @param {Page} page
 * @param {string} category
 * @param {boolean} on
 * @param {string} url
 */
async function setCategory(page, category, on, url) {
  const toggle = page.locator(`${PREFERENCES} input[value="${category}"]`);
  if ((await toggle.count()) === 0) {
    throw new ScanInputError(`The cookie preferences on ${url} have no switch for the category "${category}".`);
  }
  await toggle.setChecked(on, { force: true });
}

/**
 * Saves the preferences and waits for the reload that withdrawing a tool's category causes.
 * @param {Page} page
 * @param {Recorder} recorder
 */
async function savePreferences(page, recorder) {
  const reloaded = page.waitForEvent('load', { timeout: 2000 }).catch(() => undefined);
  await click(page, `${PREFERENCES} [data-role="save"]`);
  await reloaded;
  await page.waitForLoadState('load');
  await recorder.settle();
}

/**
 * Scans one state in a fresh browser context: makes the choice on the first
 * page, then reads every page.
 * @param {Browser} browser
 * @param {StateDef} state
 * @param {{ origin: string; paths: string[]; declaration: DeclarationDocument; userAgent: string; onPage?: (state: StateDef, snapshot: Snapshot) => void }} scan
 * @returns {Promise<StateResult>}
 */
async function scanState(browser, state, { origin, paths, declaration, userAgent, onPage }) {
  const context = await browser.newContext({
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    reducedMotion: 'reduce',
    serviceWorkers: 'allow',
    userAgent,
  });
  const recorder = new Recorder(origin);
  await recorder.attach(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await recorder.watchHeaders(cdp);
  const all = declaration.categories.map((category) => category.id);
  const optional = all.filter((id) => id !== 'necessary');
  /** @type {Snapshot[]} */
  const snapshots = [];
  /** @type {{ phase: Snapshot['phase']; accepted: CategoryId[]; withdrawn?: CategoryId }} */
  let consent = { phase: 'no-consent', accepted: ['necessary'] };

  /** @param {string} path @param {number | null} status */
  const read = async (path, status) => {
    /** @type {Snapshot} */
    const snapshot = {
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
      if (index === 0) {
        if (state.kind === 'refused') {
          await click(page, `${BANNER} [data-role="necessary"]`);
          consent = { phase: 'no-consent', accepted: ['necessary'] };
        } else if (state.kind === 'only' && state.category) {
          await click(page, `${BANNER} [data-role="show"]`);
          await page.locator(PREFERENCES).waitFor({ state: 'visible', timeout: BANNER_TIMEOUT_MS });
          for (const category of optional) await setCategory(page, category, category === state.category, url);
          await click(page, `${PREFERENCES} [data-role="save"]`);
          consent = { phase: 'consent', accepted: ['necessary', state.category] };
        } else if (state.kind === 'all' || state.kind === 'withdrawn') {
          await click(page, `${BANNER} [data-role="all"]`);
          consent = { phase: 'consent', accepted: all };
        }
        if (state.kind !== 'none') await page.locator(BANNER).waitFor({ state: 'hidden', timeout: BANNER_TIMEOUT_MS });
      }
      await recorder.settle();
      if (state.kind !== 'none' && index > 0 && (await page.locator(BANNER).isVisible())) {
        throw new ScanInputError(
          `The banner asked again on ${url} after the choice made on the first page: the site did not keep the choice, so the state "${state.id}" cannot be scanned.`,
        );
      }
      await read(path, status);
      if (index === 0 && state.kind === 'withdrawn' && state.category) {
        await openPreferences(page, url);
        await setCategory(page, state.category, false, url);
        await savePreferences(page, recorder);
        consent = {
          phase: 'withdrawn',
          accepted: all.filter((id) => id !== state.category),
          withdrawn: state.category,
        };
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

/**
 * Scans every state, a few at a time, each in a fresh context of one browser.
 * @param {{ origin: string; paths: string[]; declaration: DeclarationDocument; workers?: number; onPage?: (state: StateDef, snapshot: Snapshot) => void }} options
 * @returns {Promise<{ browser: string; states: StateResult[] }>}
 */
export async function scanStates({ origin, paths, declaration, workers = 4, onPage }) {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new ScanInputError('No Chromium found: run `node tools/chromium/ensure.ts` or set CHROMIUM_PATH.');
  }
  const browser = await chromium.launch({ executablePath, args: QUIET_CHROMIUM });
  try {
    const version = browser.version();
    // A visitor's browser, not a headless one: some tools skip what they take for a robot.
    const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version} Safari/537.36`;
    const states = statesFor(declaration);
    /** @type {StateResult[]} */
    const results = new Array(states.length);
    let next = 0;
    const worker = async () => {
      while (next < states.length) {
        const index = next++;
        const state = /** @type {StateDef} */ (states[index]);
        results[index] = await scanState(browser, state, {
          origin,
          paths,
          declaration,
          userAgent,
          ...(onPage ? { onPage } : {}),
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(workers, states.length) }, worker));
    return { browser: `Chromium ${version}`, states: results };
  } finally {
    await browser.close();
  }
}
