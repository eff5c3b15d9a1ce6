/**
 * Where the web editor keeps its work: the git host in production, read from
 * environment variables at build time, or decap-server on the editor's own
 * machine (`npm run edit`). Half a configuration stops the build, as with the
 * tools (consent/toolCatalog.ts): an editor that cannot log in is found at build
 * time, not by the first person who tries.
 */

/** The git hosts the editor can work with, all with Decap's editorial workflow (review before publishing). */
export const EDITOR_BACKENDS = ['github', 'gitlab', 'forgejo'] as const;
export type EditorBackendName = (typeof EDITOR_BACKENDS)[number];

/** A production backend, as Decap CMS's `backend` setting. */
export interface EditorBackend {
  name: EditorBackendName;
  /** owner/name */
  repo: string;
  /** The branch versions are published on: pull requests go there. */
  branch: string;
  /** GitHub: the OAuth proxy's base URL. GitLab: the instance, for PKCE login. */
  base_url?: string;
  /** The host's API, for GitHub Enterprise and self-hosted GitLab or Forgejo. */
  api_root?: string;
  /** GitLab and Forgejo: the OAuth application's client ID (PKCE login, no secret). */
  app_id?: string;
  auth_type?: 'pkce';
}

/** decap-server's port: `npm run edit` starts it there, and the editor's configuration names it. */
export const DEFAULT_LOCAL_BACKEND_PORT = 8081;

/**
 * The local backend (decap-server, `npm run edit`) that the editor uses on the
 * editor's own machine. 127.0.0.1 rather than localhost: decap-server listens
 * there only, so that nobody else on the network can write the files.
 */
export function localBackendUrl(env: Record<string, string | undefined>): string {
  const port = env['DECAP_SERVER_PORT'] || String(DEFAULT_LOCAL_BACKEND_PORT);
  if (!/^\d{1,5}$/.test(port)) throw new Error(`DECAP_SERVER_PORT must be a port number, got "${port}".`);
  return `http://127.0.0.1:${port}/api/v1`;
}

const VARIABLES = [
  'PUBLIC_CMS_REPO',
  'PUBLIC_CMS_BRANCH',
  'PUBLIC_CMS_BASE_URL',
  'PUBLIC_CMS_API_ROOT',
  'PUBLIC_CMS_APP_ID',
];

/** What each host needs, and what it reads: anything else set is a mistake worth stopping for. */
const NEEDS: Readonly<Record<EditorBackendName, { required: string[]; optional: string[] }>> = {
  github: {
    required: ['PUBLIC_CMS_REPO'],
    optional: ['PUBLIC_CMS_BRANCH', 'PUBLIC_CMS_BASE_URL', 'PUBLIC_CMS_API_ROOT'],
  },
  gitlab: {
    required: ['PUBLIC_CMS_REPO', 'PUBLIC_CMS_APP_ID'],
    optional: ['PUBLIC_CMS_BRANCH', 'PUBLIC_CMS_BASE_URL', 'PUBLIC_CMS_API_ROOT'],
  },
  // Decap's forgejo backend logs in at the instance its API root names.
  forgejo: {
    required: ['PUBLIC_CMS_REPO', 'PUBLIC_CMS_API_ROOT', 'PUBLIC_CMS_APP_ID'],
    optional: ['PUBLIC_CMS_BRANCH'],
  },
};

function httpsUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute https URL, got "${value}".`);
  }
  if (url.protocol !== 'https:') throw new Error(`${name} must be an absolute https URL, got "${value}".`);
  return url.href.replace(/\/$/, '');
}

/**
 * The production backend configured by `PUBLIC_CMS_*`, or undefined when none
 * is: the editor then works only with the local backend.
 */
export function readEditorBackend(env: Record<string, string | undefined>): EditorBackend | undefined {
  const value = (name: string) => env[name] || undefined;
  const name = value('PUBLIC_CMS_BACKEND');
  if (!name) {
    const stray = VARIABLES.filter((variable) => value(variable));
    if (stray.length > 0) {
      throw new Error(
        `${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set without PUBLIC_CMS_BACKEND: set PUBLIC_CMS_BACKEND to ${EDITOR_BACKENDS.join(', ')} as well, or unset ${stray.length > 1 ? 'them' : 'it'}.`,
      );
    }
    return undefined;
  }
  if (name === 'gitea') {
    throw new Error(
      "PUBLIC_CMS_BACKEND=gitea: Decap CMS's gitea backend has no editorial workflow, and versions are published here only after a review. For Forgejo (Codeberg included) use PUBLIC_CMS_BACKEND=forgejo.",
    );
  }
  if (!(EDITOR_BACKENDS as readonly string[]).includes(name)) {
    throw new Error(`PUBLIC_CMS_BACKEND must be one of ${EDITOR_BACKENDS.join(', ')}, got "${name}".`);
  }
  const backend = name as EditorBackendName;
  const { required, optional } = NEEDS[backend];
  const missing = required.filter((variable) => !value(variable));
  if (missing.length > 0) {
    throw new Error(`PUBLIC_CMS_BACKEND=${backend} also needs ${missing.join(' and ')}.`);
  }
  const unused = VARIABLES.filter(
    (variable) => value(variable) && !required.includes(variable) && !optional.includes(variable),
  );
  if (unused.length > 0) {
    throw new Error(
      `PUBLIC_CMS_BACKEND=${backend} does not use ${unused.join(' or ')}: unset ${unused.length > 1 ? 'them' : 'it'}.`,
    );
  }
  const repo = value('PUBLIC_CMS_REPO')!;
  if (!/^[\w.-]+(\/[\w.-]+)+$/.test(repo)) throw new Error(`PUBLIC_CMS_REPO must be owner/name, got "${repo}".`);
  const branch = value('PUBLIC_CMS_BRANCH') ?? 'main';
  if (!/^[\w./-]+$/.test(branch)) throw new Error(`PUBLIC_CMS_BRANCH must be a branch name, got "${branch}".`);

  const result: EditorBackend = { name: backend, repo, branch };
  const baseUrl = value('PUBLIC_CMS_BASE_URL');
  const apiRoot = value('PUBLIC_CMS_API_ROOT');
  const appId = value('PUBLIC_CMS_APP_ID');
  if (baseUrl) result.base_url = httpsUrl('PUBLIC_CMS_BASE_URL', baseUrl);
  if (apiRoot) result.api_root = httpsUrl('PUBLIC_CMS_API_ROOT', apiRoot);
  if (appId) {
    result.app_id = appId;
    if (backend === 'gitlab') result.auth_type = 'pkce';
  }
  return result;
}

/** Origins the editor talks to and shows images from, for its content security policy. */
export function backendOrigins(backend: EditorBackend): { connect: string[]; img: string[] } {
  const origin = (url: string) => new URL(url).origin;
  switch (backend.name) {
    case 'github':
      // Decap also asks GitHub's status page whether GitHub is up; avatars come from their own host.
      return {
        connect: [origin(backend.api_root ?? 'https://api.github.com'), 'https://www.githubstatus.com'],
        img: ['https://avatars.githubusercontent.com'],
      };
    case 'gitlab': {
      // PKCE exchanges the login code for a token at the instance itself.
      const instance = origin(backend.base_url ?? 'https://gitlab.com');
      const api = origin(backend.api_root ?? `${instance}/api/v4`);
      return { connect: [...new Set([api, instance])], img: [instance, 'https://secure.gravatar.com'] };
    }
    case 'forgejo': {
      const instance = origin(backend.api_root!);
      return { connect: [instance], img: [instance] };
    }
  }
}
