// Decap CMS's script, served from the installed package (never a CDN): per request in
// `astro dev`, written to dist/admin/decap-cms.js by a build.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { APIRoute } from 'astro';

export const GET: APIRoute = async () => {
  const file = createRequire(join(process.cwd(), 'package.json')).resolve('decap-cms/dist/decap-cms.js');
  return new Response(await readFile(file), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
