/**
 * The consent log's one command:
 *   npm run consent-log                                   start the service
 *   npm run consent-log -- verify                         check the hash chain
 *   npm run consent-log -- prune [--older-than <months>]  delete records past their retention
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { readDbPath, readInteger, readServiceConfig, UsageError } from './config.ts';
import { createConsentLogServer } from './server.ts';
import { openStore, type Store } from './store.ts';

const USAGE = `Usage:
  npm run consent-log                                   start the service
  npm run consent-log -- verify                         check the hash chain
  npm run consent-log -- prune [--older-than <months>]  delete records older than that
                                                        (default CONSENT_LOG_RETENTION_MONTHS)`;

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function open(path: string): Store {
  try {
    return openStore(path);
  } catch (error) {
    throw new UsageError(`Cannot open the consent log database ${path}: ${(error as Error).message}`);
  }
}

/** The existing database, for the commands that must not create one. */
function openExisting(): Store {
  const path = readDbPath(process.env);
  if (!existsSync(path)) throw new UsageError(`There is no consent log database at ${path} (set CONSENT_LOG_DB).`);
  return open(path);
}

function serve(): void {
  const config = readServiceConfig(process.env);
  const store = open(config.dbPath);
  const server = createConsentLogServer(config, store);
  server.on('error', (error) => {
    console.error(`The consent log cannot listen on port ${config.port}: ${error.message}`);
    process.exit(1);
  });
  if (config.staffOff) {
    console.warn(`Staff endpoints are OFF: ${config.staffOff}. GET /samtycke/<consentId> and GET /export answer 404.`);
  }
  server.listen(config.port, () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Consent log listening on http://localhost:${port}/ (database ${config.dbPath}).`);
    console.log(`Beacons accepted from ${config.origins.join(', ')}.`);
    if (!config.staffOff) console.log('Staff endpoints are on: GET /samtycke/<consentId>, GET /export.');
  });
  // Stop taking requests, answer those in hand (their batch commits first), then close the database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () =>
      server.close(() => {
        store.close();
        process.exit(0);
      }),
    );
  }
}

function verify(): number {
  const store = openExisting();
  const result = store.verify();
  store.close();
  if (!result.ok) {
    const { id, consentId, receivedAt } = result.record;
    console.error(`Chain broken at record ${id} (consent ID ${consentId}, received ${receivedAt}): ${result.problem}.`);
    return 1;
  }
  console.log(
    result.lastId === undefined
      ? 'Chain intact: the log holds no records.'
      : `Chain intact: ${count(result.records, 'record')}, up to record ${result.lastId} with hash ${result.lastHash}.`,
  );
  return 0;
}

/** The instant `months` calendar months before `now`, on the same day of the month where it exists. */
function monthsBefore(now: Date, months: number): Date {
  const then = new Date(now);
  then.setUTCDate(1);
  then.setUTCMonth(then.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(then.getUTCFullYear(), then.getUTCMonth() + 1, 0)).getUTCDate();
  then.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return then;
}

function prune(olderThan: string | undefined): void {
  const [name, value] =
    olderThan === undefined
      ? ['CONSENT_LOG_RETENTION_MONTHS', process.env['CONSENT_LOG_RETENTION_MONTHS']]
      : ['--older-than', olderThan];
  const months = readInteger(name, value, 1, 1200);
  if (months === undefined) {
    throw new UsageError(
      'Say how old records must be to go: --older-than <months>, or set CONSENT_LOG_RETENTION_MONTHS.',
    );
  }
  const before = monthsBefore(new Date(), months).toISOString();
  const store = openExisting();
  const { pruned, anchorId } = store.prune(before);
  store.close();
  console.log(
    pruned === 0
      ? `Nothing to prune: no record was received before ${before}.`
      : `Pruned ${count(pruned, 'record')} received before ${before}; the chain now starts after record ${anchorId}.`,
  );
}

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'older-than': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...extra] = positionals;
  if (values.help) console.log(USAGE);
  else if (extra.length > 0) throw new UsageError(`Unexpected "${extra.join(' ')}".\n\n${USAGE}`);
  else if (command === 'verify') process.exitCode = verify();
  else if (command === 'prune') prune(values['older-than']);
  else if (command !== undefined) throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  else if (values['older-than'] !== undefined) throw new UsageError(`--older-than belongs to prune.\n\n${USAGE}`);
  else serve();
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    console.error(`${(error as Error).message}\n\n${USAGE}`);
  else if (error instanceof UsageError) console.error(error.message);
  else throw error;
  process.exit(2);
}
