// The consent log under load: beacons like the site's, from concurrent clients
// over keep-alive connections, against services/consent-log started fresh with a
// temporary database: on SQLite, on PostgreSQL with one instance, and on PostgreSQL
// with two instances sharing the chain (the clients split between them, as behind a
// load balancer). Every acknowledgement waits for its commit (SQLite: WAL,
// synchronous=FULL; PostgreSQL: fsync on, synchronous_commit on), as in production.
// The same load against a bare Node server that only answers 204 shows what the
// client and the machine alone cost. Alone: `npm run bench -- --only consent-log`.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startChildServer, type ChildServer } from '../tests/harness/childServer.ts';
import { postgresMissing, startPostgres } from '../tests/unit/consent-log/postgres.ts';

/** The load: beacons in all, from this many clients at once. */
export const CONSENT_LOG_LOAD = { beacons: 10_000, clients: 50 };

const ORIGIN = 'https://techtroopers.com';
const BARE_SERVER = `require('node:http')
  .createServer((request, response) => request.resume().on('end', () => response.writeHead(204).end()))
  .listen(0, function () { console.log('listening on http://localhost:' + this.address().port + '/'); });`;

/** One server under the load: its time, throughput, latencies in ms, and failed requests. */
export interface LoadFigures {
  seconds: number;
  /** Beacons per second. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
}

/** One store's run: its load figures, and what `verify` found afterwards. */
export interface ConsentLogRun {
  name: string;
  load: LoadFigures;
  stored: number;
  chainIntact: boolean;
}

/** The consent log and its baseline under the same load, and what the log stored. */
export interface ConsentLogFigures {
  beacons: number;
  clients: number;
  /** The one-minute load average when the run started. */
  loadAverage: number;
  /** On SQLite, as the service runs by default. */
  consentLog: LoadFigures;
  baseline: LoadFigures;
  stored: number;
  chainIntact: boolean;
  /** On PostgreSQL: one instance, then two on one database; empty where PostgreSQL is not installed. */
  postgres: ConsentLogRun[];
}

/** One beacon as the site sends it; resolves with the status, or 0 when the request failed. */
function post(url: string, agent: Agent, body: string): Promise<number> {
  return new Promise((done) => {
    const outgoing = request(`${url}/samtycke`, {
      method: 'POST',
      agent,
      headers: {
        Origin: ORIGIN,
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        'Content-Length': Buffer.byteLength(body),
      },
    });
    outgoing.on('response', (response) => {
      response.resume();
      response.on('end', () => done(response.statusCode ?? 0));
    });
    outgoing.on('error', () => done(0));
    outgoing.end(body);
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Sends `beacons` beacons from `clients` concurrent clients, spread over `urls` in turn, and times each. */
async function load(urls: string | string[], beacons: number, clients: number): Promise<LoadFigures> {
  const targets = typeof urls === 'string' ? [urls] : urls;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const url = targets[client % targets.length]!;
      while (sent < beacons) {
        sent++;
        const body = new URLSearchParams({
          event: 'consent',
          consentId: randomUUID(),
          time: new Date().toISOString(),
          categories: 'necessary,statistics,marketing',
          cookiePolicyVersion: '1',
          cookiePolicyEffective: '2026-11-24',
        }).toString();
        const before = performance.now();
        const status = await post(url, agent, body);
        latencies.push(performance.now() - before);
        if (status !== 204) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    seconds,
    throughput: beacons / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    errors,
  };
}

/** Runs `verify` on the log `env` names: how many records it holds, and whether the chain is intact. */
async function verifyLog(cli: string, env: Record<string, string>): Promise<{ stored: number; chainIntact: boolean }> {
  const verify = spawn(process.execPath, [cli, 'verify'], { env: { ...process.env, ...env } });
  let verified = '';
  verify.stdout.on('data', (chunk: Buffer) => (verified += chunk.toString()));
  const [code] = await once(verify, 'exit');
  return { stored: Number(/(\d+) records?/.exec(verified)?.[1] ?? 0), chainIntact: code === 0 };
}

/** `instances` services on `env`'s log, under the load, then `verify`. */
async function measureService(
  cli: string,
  env: Record<string, string>,
  instances: number,
  beacons: number,
  clients: number,
): Promise<Omit<ConsentLogRun, 'name'>> {
  const services: ChildServer[] = [];
  for (let i = 0; i < instances; i++) services.push(await startChildServer([cli], { ...process.env, ...env }));
  const figures = await load(
    services.map((service) => service.url),
    beacons,
    clients,
  ).finally(() => Promise.all(services.map((service) => service.stop())));
  return { load: figures, ...(await verifyLog(cli, env)) };
}

/**
 * The consent log and the bare baseline under the same load, and what the log stored.
 * `root` is the repository; the database goes into `work`/consent-log, replaced each run.
 * PostgreSQL runs on a server started for the bench (./tests/unit/consent-log/postgres.ts).
 */
export async function measureConsentLog({
  root,
  work,
  beacons,
  clients,
}: {
  root: string;
  work: string;
  beacons: number;
  clients: number;
}): Promise<ConsentLogFigures> {
  const cli = join(root, 'services/consent-log/src/cli.ts');
  const dir = join(work, 'consent-log');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const common = {
    CONSENT_LOG_ORIGINS: ORIGIN,
    // Every client here has the same address; the limit is not what is measured.
    CONSENT_LOG_RATE_LIMIT: '1000000',
  };
  const loadAverage = loadavg()[0] ?? 0;

  const bare = await startChildServer(['-e', BARE_SERVER], process.env);
  const baseline = await load(bare.url, beacons, clients).finally(bare.stop);
  const sqlite = await measureService(
    cli,
    { ...common, CONSENT_LOG_DB: join(dir, 'consent-log.sqlite') },
    1,
    beacons,
    clients,
  );

  const postgres: ConsentLogRun[] = [];
  if (postgresMissing === undefined) {
    const server = await startPostgres({ fsync: true });
    try {
      for (const instances of [1, 2]) {
        const env = { ...common, CONSENT_LOG_DATABASE_URL: await server.newLog() };
        const run = await measureService(cli, env, instances, beacons, clients);
        postgres.push({ name: `PostgreSQL, ${instances === 1 ? 'one instance' : 'two instances'}`, ...run });
      }
    } finally {
      await server.stop();
    }
  } else console.error(`consent log: no PostgreSQL runs, there are ${postgresMissing}.`);
  return {
    beacons,
    clients,
    loadAverage,
    consentLog: sqlite.load,
    baseline,
    stored: sqlite.stored,
    chainIntact: sqlite.chainIntact,
    postgres,
  };
}
