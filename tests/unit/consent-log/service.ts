/**
 * Runs the real consent log for the tests: its CLI as a child process, on a free
 * port, with a database in a temporary folder.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll } from 'vitest';
import { startChildServer } from '../../harness/childServer.ts';
import type { Beacon } from '#consent-log/beacon.ts';
import { openStore } from '#consent-log/store.ts';

const CLI = resolve(import.meta.dirname, '../../../services/consent-log/src/cli.ts');
/** Node keeps the stripped and compiled service here, so that each of the many starts is quicker. */
const NODE_COMPILE_CACHE = join(tmpdir(), 'consent-log-tests-compile-cache');

export const TOKEN = 'test-token-0123456789abcdef-0123456789';
/** The default allowed origin: the site's own. */
export const ORIGIN = 'https://techtroopers.com';

export type Service = Awaited<ReturnType<typeof startChildServer>>;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A database path in a new temporary folder, removed after the test file. */
export function tempDb(): string {
  const folder = mkdtempSync(join(tmpdir(), 'consent-log-'));
  folders.push(folder);
  return join(folder, 'data', 'consent-log.sqlite');
}

/** Starts the service on `db` with only `env` (and a free port) in its environment. */
export const startService = (db: string, env: Record<string, string> = {}): Promise<Service> =>
  startChildServer([CLI], { NODE_COMPILE_CACHE, CONSENT_LOG_DB: db, CONSENT_LOG_TOKEN: TOKEN, ...env });

/** Runs a CLI command to completion. */
export function runCli(
  db: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { NODE_COMPILE_CACHE, CONSENT_LOG_DB: db, ...env } },
      (error, stdout, stderr) =>
        done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** A beacon as the site sends it today, with `changes` applied (undefined removes a field). */
export function beaconFields(changes: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    event: 'consent',
    consentId: randomUUID(),
    time: new Date().toISOString(),
    categories: 'necessary,statistics,marketing',
    cookiePolicyVersion: '1',
    cookiePolicyEffective: '2026-11-24',
    ...changes,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** POSTs a beacon the way `navigator.sendBeacon` does, from the site's origin unless `headers` say otherwise. */
export function sendBeacon(
  url: string,
  body: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/samtycke`, {
    method: 'POST',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : new URLSearchParams(body),
  });
}

/** GETs a staff endpoint with the token. */
export const staffGet = (url: string, path: string, token = TOKEN): Promise<Response> =>
  fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });

/** Reads the database file directly, beside the running service. */
export function readRows(db: string, sql = 'SELECT * FROM records ORDER BY id'): Record<string, unknown>[] {
  const connection = new DatabaseSync(db, { readOnly: true });
  try {
    return connection.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    connection.close();
  }
}

export const countRecords = (db: string): number => readRows(db).length;

/**
 * Writes records straight into the store, as the service would have on receiving
 * them at `receivedAt`: the way to have records older than the test.
 */
export function seed(db: string, records: { receivedAt: string; beacon?: Partial<Beacon> }[]): void {
  const store = openStore(db);
  store.append(
    records.map(({ receivedAt, beacon }) => ({
      receivedAt,
      beacon: {
        event: 'consent',
        consentId: randomUUID(),
        visitorTime: receivedAt,
        categories: ['necessary', 'statistics', 'marketing'],
        cookiePolicyVersion: '1',
        cookiePolicyEffective: '2026-11-24',
        revision: null,
        gpc: null,
        bannerHash: null,
        action: null,
        layer: null,
        ...beacon,
      },
    })),
  );
  store.close();
}
