/** Where the browser tests' servers listen; see scripts/test-servers.mjs. */
export const PORTS = { site: 4410, fixture: 4411, later: 4413, dev: 4412, standins: 4420, receiver: 4421 } as const;

export const origin = (port: number): string => `http://localhost:${port}`;

/** The tools' stand-ins, on an origin of their own as the real tools are. */
export const STANDINS = `http://127.0.0.1:${PORTS.standins}`;
