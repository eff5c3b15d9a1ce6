import { readdir, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { editorBackends, editorHeaderPolicy } from '../lib/cms/contentSecurity.ts';
import { ASSET_CACHE_CONTROL, securityHeaders } from '../lib/csp.ts';

/** A top-level file or folder of the built site. */
export interface BuiltEntry {
  name: string;
  directory: boolean;
}

/** Where the web editor lives; it has a content security policy of its own. */
const EDITOR = 'admin';

/**
 * The `_headers` file (the format Netlify and Cloudflare Pages read) for a
 * build whose top-level files and folders are `entries`: the security headers
 * on every response; the pages' content security policy, from the same
 * configuration as the pages' own `<meta>`, on everything but the web editor;
 * the editor's own policy on /admin/; and a long cache life for the
 * fingerprinted assets.
 *
 * Hosts apply every rule that matches a path, and join two values of one
 * header, so a site-wide `/*` policy would also be enforced on /admin/, where
 * it would stop the editor. The pages' policy therefore goes on each top-level
 * path but /admin/. (A missing page's 404 then carries its policy in its
 * `<meta>` only.)
 */
export function headersFile(env: Record<string, string | undefined>, entries: readonly BuiltEntry[]): string {
  const { 'Content-Security-Policy': sitePolicy, ...common } = securityHeaders(env);
  const rule = (path: string, headers: Record<string, string | undefined>) =>
    `${path}\n${Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}`)
      .join('\n')}\n`;
  const sitePaths = [
    '/',
    ...entries
      .filter(({ name }) => name !== EDITOR && name !== '_astro' && name !== '_headers')
      .map(({ name, directory }) => (directory ? `/${name}/*` : `/${name}`))
      .sort(),
  ];
  return [
    rule('/*', common),
    ...sitePaths.map((path) => rule(path, { 'Content-Security-Policy': sitePolicy })),
    rule('/_astro/*', { 'Cache-Control': ASSET_CACHE_CONTROL }),
    rule(`/${EDITOR}/*`, {
      'Content-Security-Policy': editorHeaderPolicy(editorBackends(env, false)),
      'X-Robots-Tag': 'noindex, nofollow',
    }),
  ].join('\n');
}

/** Writes `_headers` next to the built pages (see `headersFile`). */
export function securityHeadersFile(env: Record<string, string | undefined>): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const entries = (await readdir(dir, { withFileTypes: true })).map((entry) => ({
          name: entry.name,
          directory: entry.isDirectory(),
        }));
        await writeFile(new URL('_headers', dir), headersFile(env, entries));
      },
    },
  };
}
