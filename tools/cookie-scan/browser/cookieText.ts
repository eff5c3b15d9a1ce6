// @ts-check
// A cookie as a script writes it to document.cookie, or a response sends it in Set-Cookie.

/** @typedef {{ domain: string | null; path: string; lifetimeSeconds: number | null; deletes: boolean }} ParsedCookieText */

/**
 * A cookie string as `document.cookie` is given it: where it goes, for how
 * long, and whether it deletes rather than stores.
 * @param {string} text
 * @param {number} now seconds since the epoch
 * @returns {{ name: string } & ParsedCookieText}
 */
export function parseCookieText(text, now) {
  const [pair = '', ...attributes] = text.split(';');
  const name = pair.slice(0, pair.includes('=') ? pair.indexOf('=') : pair.length).trim();
  /** @type {Record<string, string>} */
  const values = {};
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    values[key.trim().toLowerCase()] = rest.join('=').trim();
  }
  let lifetimeSeconds = null;
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
