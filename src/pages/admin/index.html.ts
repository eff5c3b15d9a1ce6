// The web editor's page. An endpoint rather than a page, so that it carries its own
// content security policy instead of the site's (see src/lib/cms/page.ts).
import type { APIRoute } from 'astro';
import { editorBackends } from '../../lib/cms/contentSecurity.ts';
import { editorPage } from '../../lib/cms/page.ts';

export const GET: APIRoute = () =>
  new Response(editorPage(editorBackends(process.env, import.meta.env.DEV)), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
