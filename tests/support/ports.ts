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
  standins: base + 10,
  receiver: base + 11,
  /** The web editor's dev server and its local backend (tests/e2e/cms). */
  cms: base + 20,
  cmsBackend: base + 21,
} as const;

export const origin = (port: number): string => `http://localhost:${port}`;

/** The tools' stand-ins, on an origin of their own as the real tools are. */
export const STANDINS = `http://127.0.0.1:${PORTS.standins}`;
