// A cookie as a script writes it to document.cookie, or a response sends it in Set-Cookie.

/** Where a cookie string sends its cookie, for how long, and whether it deletes rather than stores. */
export interface ParsedCookieText {
  domain: string | null;
  path: string;
  lifetimeSeconds: number | null;
  deletes: boolean;
}

/**
 * A cookie string as `document.cookie` is given it: where it goes, for how
 * long, and whether it deletes rather than stores.
 * @param now seconds since the epoch
 */
export function parseCookieText(text: string, now: number): { name: string } & ParsedCookieText {
  const [pair = '', ...attributes] = text.split(';');
  const name = pair.slice(0, pair.includes('=') ? pair.indexOf('=') : pair.length).trim();
  const values: Record<string, string> = {};
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    values[key.trim().toLowerCase()] = rest.join('=').trim();
  }
  let lifetimeSeconds: number | null = null;
  if (values['max-age'] !== undefined && /^-?\d+$/.test(values['max-age'])) {
    lifetimeSeconds = Number(values['max-age']);
  } else if (values['expires'] !== undefined && !Number.isNaN(Date.parse(values['expires']))) {
    lifetimeSeconds = Date.parse(values['expires']) / 1000 - now;
  }
  return {
    name,
    domain: values['domain'] ? values['domain'].replace(/^\./, '') : null,
    path: values['path'] || '/',
    lifetimeSeconds,
    deletes: lifetimeSeconds !== null && lifetimeSeconds <= 0,
  };
}
