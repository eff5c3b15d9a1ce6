import type { APIRoute } from 'astro';
import { toDeclarationDocument } from '../../lib/consent/declarationDocument';
import { getConsentSetup } from '../../lib/policies';
import { site } from '../../site.config';

/** The cookie declaration in force, machine-readable: what `npm run scan` checks a site against. */
export const GET: APIRoute = async (context) =>
  new Response(
    `${JSON.stringify(toDeclarationDocument(await getConsentSetup(), context.site ?? site.url), null, 2)}\n`,
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
