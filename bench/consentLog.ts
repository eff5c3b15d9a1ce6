// The consent log under load: beacons like the site's, from concurrent clients
// over keep-alive connections, against services/consent-log started fresh with a
// temporary database. Every acknowledgement waits for its commit (WAL,
// synchronous=FULL), as in production. The same load against a bare Node server
// that only answers 204 shows what the client and the machine alone cost.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from '../tests/harness/childServer.ts';

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

/** The consent log and its baseline under the same load, and what the log stored. */
export interface ConsentLogFigures {
  beacons: number;
  clients: number;
  /** The one-minute load average when the run started. */
  loadAverage: number;
  consentLog: LoadFigures;
  baseline: LoadFigures;
  stored: number;
  chainIntact: boolean;
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

/** Sends `beacons` beacons to `url` from `clients` concurrent clients, and times each. */
async function load(url: string, beacons: number, clients: number): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
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

/**
 * The consent log and the bare baseline under the same load, and what the log stored.
 * `root` is the repository; the database goes into `work`/consent-log, replaced each run.
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
  const env = {
    CONSENT_LOG_DB: join(dir, 'consent-log.sqlite'),
    CONSENT_LOG_ORIGINS: ORIGIN,
    // Every client here has the same address; the limit is not what is measured.
    CONSENT_LOG_RATE_LIMIT: '1000000',
  };
  const loadAverage = loadavg()[0] ?? 0;

  const bare = await startChildServer(['-e', BARE_SERVER], process.env);
  const baseline = await load(bare.url, beacons, clients).finally(bare.stop);
  const service = await startChildServer([cli], { ...process.env, ...env });
  const consentLog = await load(service.url, beacons, clients).finally(service.stop);

  const verify = spawn(process.execPath, [cli, 'verify'], { env: { ...process.env, ...env } });
  let verified = '';
  verify.stdout.on('data', (chunk: Buffer) => (verified += chunk.toString()));
  const [code] = await once(verify, 'exit');
  return {
    beacons,
    clients,
    loadAverage,
    consentLog,
    baseline,
    stored: Number(/(\d+) records?/.exec(verified)?.[1] ?? 0),
    chainIntact: code === 0,
  };
}
