/**
 * Which store the service and its commands use: PostgreSQL when
 * CONSENT_LOG_DATABASE_URL names a database (postgres://…), else the SQLite file
 * at CONSENT_LOG_DB (./data/consent-log.sqlite by default).
 */
import { existsSync } from 'node:fs';
import { OldDatabaseError, type Store } from './chain.ts';
import { UsageError, type Location } from './config.ts';
import { openStore } from './store.ts';

/** The location for messages: the path, or the URL without its password. */
export async function describeLocation(location: Location): Promise<string> {
  if (location.kind === 'sqlite') return location.path;
  const { redacted } = await import('./postgres.ts');
  return redacted(location.url);
}

/**
 * Opens the log. `create`: make it when it is not there (the service does; `verify`
 * and `prune` refuse instead). `busyTimeout`: SQLite's wait for another connection's
 * lock. `connections`: the PostgreSQL pool's size. Problems come back as UsageErrors.
 */
export async function openLocation(
  location: Location,
  options: { create: boolean; busyTimeout?: number; connections?: number },
): Promise<Store> {
  if (location.kind === 'sqlite') {
    if (!options.create && !existsSync(location.path)) {
      throw new UsageError(`There is no consent log database at ${location.path} (set CONSENT_LOG_DB).`);
    }
    try {
      return openStore(location.path, options.busyTimeout === undefined ? {} : { busyTimeout: options.busyTimeout });
    } catch (error) {
      if (error instanceof OldDatabaseError) throw new UsageError(`Refusing to open the consent log: ${error.message}`);
      throw new UsageError(`Cannot open the consent log database ${location.path}: ${(error as Error).message}`);
    }
  }
  const { openPostgresStore, MissingLogError, redacted } = await import('./postgres.ts');
  try {
    return await openPostgresStore(location.url, {
      create: options.create,
      ...(options.connections === undefined ? {} : { connections: options.connections }),
    });
  } catch (error) {
    if (error instanceof OldDatabaseError) throw new UsageError(`Refusing to open the consent log: ${error.message}`);
    if (error instanceof MissingLogError) throw new UsageError(error.message);
    throw new UsageError(`Cannot open the consent log database ${redacted(location.url)}: ${(error as Error).message}`);
  }
}
