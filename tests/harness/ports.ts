/**
 * Where the browser tests' servers listen. Each named site (./sites.ts) has a port of its
 * own, fixed because a build bakes the origins it talks to (the tools' stand-ins, the
 * consent log, the request receiver) into its pages and its content security policy.
 * `TEST_PORT_BASE` moves them all, so that two checkouts can run their tests side by side.
 */
const base = Number(process.env['TEST_PORT_BASE'] || 4410);

export const PORTS = {
  /** The named sites, in the order of ./sites.ts. */
  published: base,
  'upcoming-version': base + 1,
  'drafts-preview': base + 2,
  'in-force-later': base + 3,
  'v2-filled': base + 4,
  'eighty-versions': base + 5,
  /** The harness itself: builds and serves a named site when a test first asks for it. */
  harness: base + 9,
  standins: base + 10,
  receiver: base + 11,
  consentLog: base + 12,
  /** The scan's tests: faulty copies of the site and their stand-ins, from here up to base + 49. */
  faults: base + 20,
  /** The web editor's dev server and its local backend (tests/e2e/editor), above the scan's range. */
  cms: base + 50,
  cmsBackend: base + 51,
} as const;

export const origin = (port: number): string => `http://localhost:${port}`;

/** The tools' stand-ins, on an origin of their own as the real tools are. */
export const STANDINS = `http://127.0.0.1:${PORTS.standins}`;

/** The consent log the `published` and `v2-filled` sites report to: the real service, on an origin of its own. */
export const CONSENT_LOG = `http://127.0.0.1:${PORTS.consentLog}`;

/** The staff token the harness starts the consent log with. */
export const CONSENT_LOG_TOKEN = 'e2e-staff-token-0123456789abcdefghij';

/** Where the request form of the sites with an endpoint posts; tests/e2e/requests/endpoint.spec.ts listens there. */
export const RECEIVER = `http://127.0.0.1:${PORTS.receiver}/begaran`;
