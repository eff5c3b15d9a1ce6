import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { ASSET_CACHE_CONTROL, securityHeaders } from '../lib/csp.ts';

/**
 * Writes `_headers` (the format Netlify and Cloudflare Pages read) next to the
 * built pages, from the same configuration as the pages' own policy, so the two
 * cannot drift apart, plus a long cache life for the fingerprinted assets.
 */
export function securityHeadersFile(env: Record<string, string | undefined>): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const lines = Object.entries(securityHeaders(env)).map(([name, value]) => `  ${name}: ${value}`);
        const file = `/*\n${lines.join('\n')}\n\n/_astro/*\n  Cache-Control: ${ASSET_CACHE_CONTROL}\n`;
        await writeFile(new URL('_headers', dir), file);
      },
    },
  };
}
