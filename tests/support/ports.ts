/**
 * Where the browser tests' servers listen; see scripts/test-servers.mjs.
 * `TEST_PORT_BASE` moves them all, so that two checkouts can run their tests side by side.
 */
const base = Number(process.env['TEST_PORT_BASE'] || 4410);

export const PORTS = {
  site: base,
  fixture: base + 1,
  dev: base + 2,
  later: base + 3,
  v2: base + 4,
  paged: base + 5,
  standins: base + 10,
  receiver: base + 11,
  consentLog: base + 12,
  /** The scan's tests: faulty copies of the site and their stand-ins, from here up to base + 49. */
  faults: base + 20,
  /** The web editor's dev server and its local backend (tests/e2e/cms), above the scan's range. */
  cms: base + 50,
  cmsBackend: base + 51,
} as const;

export const origin = (port: number): string => `http://localhost:${port}`;

/** The tools' stand-ins, on an origin of their own as the real tools are. */
export const STANDINS = `http://127.0.0.1:${PORTS.standins}`;

/** The consent log the `site` build reports to: the real service (services/consent-log), on an origin of its own. */
export const CONSENT_LOG = `http://127.0.0.1:${PORTS.consentLog}`;

/** The staff token the test servers start the consent log with. */
export const CONSENT_LOG_TOKEN = 'e2e-staff-token-0123456789abcdefghij';
