import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getVersionPaths } from '#lib/policies.ts';

export const getStaticPaths = (() => getVersionPaths()) satisfies GetStaticPaths;
type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** Each version's file exactly as published: what its SHA-256 is taken of, for archivers and lawyers to keep. */
export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.item.version.sourceText, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
