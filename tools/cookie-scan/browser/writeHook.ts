// Who wrote what: an init script in every frame reports each cookie, storage key
// and database the page's scripts write, with the script that did it, so that
// short-lived entries and their authors are seen as well as what is left behind.
import type { BrowserContext } from '@playwright/test';
import type { ObservedStorage } from '../types.ts';
import { parseCookieText } from './cookieText.ts';
import type { Recorder } from './recorder.ts';

/** A write the init script saw: a cookie string, or a storage key or database name. */
interface WriteRecord {
  storage: ObservedStorage;
  text: string;
  script: string | null;
  stored: boolean;
}

/**
 * Runs in every frame before the page's own scripts: reports each cookie
 * write, storage write and database opened, with the script that did it (the
 * first web address in the call stack below this hook), and whether a cookie
 * was taken (the browser refuses some, such as another site's domain).
 * Serialised into the page, so it may use nothing from outside itself.
 */
function hookWrites(): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the page's window, with the binding and CookieStore
  const w = window as any;
  const report = (storage: string, text: unknown, stored = true) => {
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
  Storage.prototype.setItem = function (key: string, value: string) {
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
  IDBFactory.prototype.open = function (name: string, version?: number) {
    report('indexedDB', name);
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
  const store = w.CookieStore?.prototype;
  if (store?.set) {
    const storeSet = store.set;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CookieStore is not in every DOM typing
    store.set = function (nameOrOptions: any, value: any) {
      const options = typeof nameOrOptions === 'string' ? { name: nameOrOptions, value } : (nameOrOptions ?? {});
      const attributes = [
        options.path ? `path=${options.path}` : '',
        options.domain ? `domain=${options.domain}` : '',
        options.expires ? `expires=${new Date(options.expires).toUTCString()}` : '',
      ];
      report('cookie', [`${options.name}=${options.value ?? ''}`, ...attributes.filter(Boolean)].join('; '));
      // eslint-disable-next-line prefer-rest-params -- passes on exactly what the page gave
      return storeSet.apply(this, arguments);
    };
  }
}

/**
 * Hooks every page of `context` so that each write a script makes is noted by
 * `recorder`, with its author: the binding the hook reports to, and the hook.
 */
export async function hookContextWrites(context: BrowserContext, recorder: Recorder): Promise<void> {
  await context.exposeBinding('__cookieScanWrite', (source, record: WriteRecord) => {
    const frameUrl = source.frame.url();
    if (!/^https?:/.test(frameUrl)) return;
    const frameOrigin = new URL(frameUrl).origin;
    if (record.storage === 'cookie') {
      const cookie = parseCookieText(record.text, Date.now() / 1000);
      if (!cookie.name) return;
      recorder.noteWrite({
        storage: 'cookie',
        name: cookie.name,
        where: cookie.domain ?? new URL(frameUrl).hostname,
        writer: record.script,
        stored: record.stored,
        cookie,
      });
    } else {
      recorder.noteWrite({
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
