/**
 * A setting that must be an absolute http(s) URL, as a URL; throws a message
 * naming the setting otherwise, for the build to stop on.
 */
export function httpUrl(name: string, value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}".`);
  }
  return url;
}

/** The hosts where a plain http:// URL is allowed: this machine, where nothing crosses a network. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A setting whose URL carries visitors' personal data, as a URL: https://, or
 * http:// only to this machine (localhost, 127.0.0.1, [::1]), as a test's
 * receiver is. Throws a message naming the setting otherwise, for the build to
 * stop on.
 */
export function secureUrl(name: string, value: string): URL {
  const url = httpUrl(name, value);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(
      `${name} must be an https:// URL, since what is sent there is personal data; http:// is allowed only for localhost, 127.0.0.1 and [::1], got "${value}".`,
    );
  }
  return url;
}
