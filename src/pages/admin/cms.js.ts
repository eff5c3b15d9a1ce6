// The editor's configuration and browser code (src/client/cms/main.ts), from the
// versions and the record as they are: per request in `astro dev`, at build time otherwise.
import type { APIRoute } from 'astro';
import { editorScript } from '../../lib/cms/script.ts';
import previewStyle from '../../styles/global.css?url';

export const GET: APIRoute = async ({ url, site }) =>
  new Response(
    await editorScript({
      dev: import.meta.env.DEV,
      // The preview links go to the dev server while editing locally, to the site otherwise.
      siteUrl: import.meta.env.DEV || !site ? url.origin : site.origin,
      previewStyle,
    }),
    { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } },
  );
