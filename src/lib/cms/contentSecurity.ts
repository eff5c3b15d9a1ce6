import { backendOrigins, localBackendUrl, readEditorBackend, type EditorBackend } from './backend.ts';

/** Which backends a page of the editor may use. */
export interface EditorBackends {
  /** The git host, when `PUBLIC_CMS_BACKEND` configures one. */
  backend?: EditorBackend;
  /** decap-server's API, when the editor may use it: always in `astro dev`, in a build only without a git host. */
  local?: string;
}

/**
 * The backends for a build (`dev` false) or for `astro dev`. A build with a
 * git host configured never points its editor at a local backend.
 */
export function editorBackends(env: Record<string, string | undefined>, dev: boolean): EditorBackends {
  const backend = readEditorBackend(env);
  return {
    ...(backend ? { backend } : {}),
    ...(dev || !backend ? { local: localBackendUrl(env) } : {}),
  };
}

/**
 * The editor's own content security policy, as narrow as Decap CMS allows. It
 * needs 'unsafe-eval' (it compiles its configuration's schema at run time) and
 * inline styles (its components style themselves); it talks to the git host's
 * API or to the local backend and to nothing else. Without `frame-ancestors`,
 * which a `<meta>` cannot carry: the header adds it.
 */
export function editorPolicyDirectives({ backend, local }: EditorBackends): string[] {
  const origins = backend ? backendOrigins(backend) : { connect: [], img: [] };
  const sources = (...lists: string[][]) => [...new Set(["'self'", ...lists.flat()])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${sources(origins.img)}`,
    `connect-src ${sources(origins.connect, local ? [new URL(local).origin] : [])}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/** The editor's policy as its page's `<meta>` carries it. */
export const editorMetaPolicy = (backends: EditorBackends): string => editorPolicyDirectives(backends).join('; ');

/** The editor's policy as the `Content-Security-Policy` header of /admin/*. */
export const editorHeaderPolicy = (backends: EditorBackends): string =>
  [...editorPolicyDirectives(backends), "frame-ancestors 'none'"].join('; ');
