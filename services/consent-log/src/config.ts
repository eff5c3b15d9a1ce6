/**
 * The service's settings, all from the environment. A setting that is present but
 * wrong stops the service with a message naming it; nothing is guessed.
 */
import type { KeyObject } from 'node:crypto';
import { readPrivateKey } from './checkpoint.ts';
import { SITE_URL } from './shared.ts';

/** A mistake in the command line or the environment, shown as it is, without a stack trace. */
export class UsageError extends Error {}

/** The shortest staff token the service accepts. */
const MIN_TOKEN_LENGTH = 32;

export interface ServiceConfig {
  port: number;
  /** Where the log is kept. */
  location: Location;
  /** The staff token; unset when the staff endpoints are off. */
  token: string | undefined;
  /** Why the staff endpoints are off, when they are. */
  staffOff: string | undefined;
  /** The origins whose pages may send beacons, such as https://techtroopers.com. */
  origins: string[];
  /** Requests a minute from one client before it is turned away. */
  rateLimit: number;
  /** Behind a reverse proxy: the client is the last address in X-Forwarded-For. */
  trustProxy: boolean;
  /** The key `GET /checkpoint` signs with; unset, checkpoints are off. */
  signingKey: KeyObject | undefined;
  /** The site whose banner texts are published under /samtycke/texter/<hash>.json. */
  siteUrl: string;
  /** Milliseconds a client has to send a request's headers, and the whole request. */
  headersTimeout: number;
  requestTimeout: number;
  /** Connections open at once; more are refused. */
  maxConnections: number;
}

type Env = Record<string, string | undefined>;

/** Where the log is: a PostgreSQL URL, or a SQLite file's path. */
export type Location = { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };

/**
 * Where the log is: the PostgreSQL database CONSENT_LOG_DATABASE_URL names, else the
 * SQLite file CONSENT_LOG_DB, default ./data/consent-log.sqlite.
 */
export function readLocation(env: Env): Location {
  const url = env['CONSENT_LOG_DATABASE_URL'];
  if (url) {
    if (!/^postgres(ql)?:\/\/./.test(url)) {
      throw new UsageError(
        'CONSENT_LOG_DATABASE_URL must name a PostgreSQL database: postgres://user:password@host:port/database.',
      );
    }
    return { kind: 'postgres', url };
  }
  return { kind: 'sqlite', path: env['CONSENT_LOG_DB'] || './data/consent-log.sqlite' };
}

/** A whole number in `[min, max]`, or undefined when unset. */
export function readInteger(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  }
  return number;
}

function readOrigins(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [SITE_URL];
  return value.split(',').map((entry) => {
    const text = entry.trim();
    let url: URL | undefined;
    try {
      url = new URL(text);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
      throw new UsageError(`CONSENT_LOG_ORIGINS: "${text}" is not an origin such as ${SITE_URL}.`);
    }
    return url.origin;
  });
}

/** The service's settings from `env`; throws a `UsageError` naming the first that is wrong. */
export function readServiceConfig(env: Env): ServiceConfig {
  const token = env['CONSENT_LOG_TOKEN'];
  const staffOff = !token
    ? 'CONSENT_LOG_TOKEN is not set'
    : token.length < MIN_TOKEN_LENGTH
      ? `CONSENT_LOG_TOKEN is shorter than ${MIN_TOKEN_LENGTH} characters`
      : undefined;
  const trustProxy = env['CONSENT_LOG_TRUST_PROXY'] ?? 'false';
  if (trustProxy !== 'true' && trustProxy !== 'false') {
    throw new UsageError(`CONSENT_LOG_TRUST_PROXY must be true or false, got "${trustProxy}".`);
  }
  return {
    port: readInteger('PORT', env['PORT'], 0, 65535) ?? 8787,
    location: readLocation(env),
    token: staffOff ? undefined : token,
    staffOff,
    origins: readOrigins(env['CONSENT_LOG_ORIGINS']),
    rateLimit: readInteger('CONSENT_LOG_RATE_LIMIT', env['CONSENT_LOG_RATE_LIMIT'], 1, 1_000_000) ?? 120,
    trustProxy: trustProxy === 'true',
    signingKey: readSigningKey(env['CONSENT_LOG_SIGNING_KEY']),
    siteUrl: readOrigins(env['CONSENT_LOG_SITE'])[0]!,
    headersTimeout: readInteger('CONSENT_LOG_HEADERS_TIMEOUT', env['CONSENT_LOG_HEADERS_TIMEOUT'], 500, 10_000) ?? 5000,
    requestTimeout:
      readInteger('CONSENT_LOG_REQUEST_TIMEOUT', env['CONSENT_LOG_REQUEST_TIMEOUT'], 500, 10_000) ?? 10_000,
    maxConnections: readInteger('CONSENT_LOG_MAX_CONNECTIONS', env['CONSENT_LOG_MAX_CONNECTIONS'], 1, 100_000) ?? 1000,
  };
}

/** The checkpoint signing key, or undefined when unset. */
export function readSigningKey(value: string | undefined): KeyObject | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return readPrivateKey('CONSENT_LOG_SIGNING_KEY', value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
