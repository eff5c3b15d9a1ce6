import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedTexts } from '#lib/consent/bannerTexts.ts';
import { getShippedConsentSetups } from '#lib/policies.ts';

/**
 * The banner's texts at permanent addresses: each layer's, with and without
 * Global Privacy Control, of every cookie policy version that has been in force.
 * The file's name is the SHA-256 (16 hex digits) of its bytes.
 */
export const getStaticPaths = (async () =>
  publishedTexts(await getShippedConsentSetups()).map(({ hash, body }) => ({
    params: { hash },
    props: { body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
