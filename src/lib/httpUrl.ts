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
