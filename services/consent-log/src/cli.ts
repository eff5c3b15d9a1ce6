/**
 * The consent log's one command:
 *   npm run consent-log                                   start the service
 *   npm run consent-log -- verify [--checkpoint FILE…]    check the hash chain, and that it reaches saved checkpoints
 *   npm run consent-log -- prune [--older-than <months>] [--dry-run] [--force]
 *                                                         remove records past their retention
 *   npm run consent-log -- keygen                         a new checkpoint signing key
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { checkReach, generateKeys, parseCheckpoint, publicKeyText, readPublicKey } from './checkpoint.ts';
import { readInteger, readLocation, readServiceConfig, readSigningKey, UsageError } from './config.ts';
import { describeLocation, openLocation } from './open.ts';
import { monthsBefore, RETENTION_FLOOR_MONTHS } from './retention.ts';
import { createConsentLogServer, shutDown } from './server.ts';

const USAGE = `Usage:
  npm run consent-log                                   start the service
  npm run consent-log -- verify [--checkpoint FILE…]    check the hash chain, and that it
                                                        still reaches each saved checkpoint
  npm run consent-log -- prune [--older-than <months>] [--dry-run] [--force]
                                                        remove records older than that
                                                        (default CONSENT_LOG_RETENTION_MONTHS;
                                                        below ${RETENTION_FLOOR_MONTHS} months only with --force)
  npm run consent-log -- keygen                         print a new checkpoint signing key`;

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The existing log, for the commands that must not create one. */
const openExisting = () => openLocation(readLocation(process.env), { create: false });

async function serve(): Promise<void> {
  const config = readServiceConfig(process.env);
  // On SQLite, writes never wait blocking for another connection's lock: the group commit retries instead.
  const store = await openLocation(config.location, { create: true, busyTimeout: 0 });
  const where = await describeLocation(config.location);
  const server = createConsentLogServer(config, store);
  server.on('error', (error) => {
    console.error(`The consent log cannot listen on port ${config.port}: ${error.message}`);
    process.exit(1);
  });
  if (config.staffOff) {
    console.warn(`Staff endpoints are OFF: ${config.staffOff}. GET /samtycke/<consentId> and GET /export answer 404.`);
  }
  if (!config.signingKey) console.warn('Checkpoints are OFF: CONSENT_LOG_SIGNING_KEY is not set.');
  server.listen(config.port, () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Consent log listening on http://localhost:${port}/ (database ${where}).`);
    console.log(`Beacons accepted from ${config.origins.join(', ')}.`);
    if (!config.staffOff) console.log('Staff endpoints are on: GET /samtycke/<consentId>, GET /export.');
    if (config.signingKey) {
      console.log(`Checkpoints on GET /checkpoint, signed; public key ${publicKeyText(config.signingKey)}.`);
    }
  });
  // Stop taking requests, answer those in hand (their batch commits first), then close the database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () =>
      shutDown(server, () => {
        void store.close().finally(() => process.exit(0));
      }),
    );
  }
}

/** The key that checks checkpoints: CONSENT_LOG_PUBLIC_KEY, or the public half of CONSENT_LOG_SIGNING_KEY. */
function checkingKey() {
  const publicKey = process.env['CONSENT_LOG_PUBLIC_KEY'];
  if (publicKey) {
    try {
      return readPublicKey('CONSENT_LOG_PUBLIC_KEY', publicKey);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const signingKey = readSigningKey(process.env['CONSENT_LOG_SIGNING_KEY']);
  if (signingKey) return readPublicKey('CONSENT_LOG_SIGNING_KEY', publicKeyText(signingKey));
  throw new UsageError('Checking checkpoints needs the public key: set CONSENT_LOG_PUBLIC_KEY.');
}

async function verify(checkpointFiles: string[]): Promise<number> {
  const checkpoints = checkpointFiles.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read checkpoint ${file}: ${(error as Error).message}`);
    }
    const checkpoint = parseCheckpoint(text);
    if (typeof checkpoint === 'string') throw new UsageError(`Checkpoint ${file}: ${checkpoint}.`);
    return { file, checkpoint };
  });
  const publicKey = checkpoints.length > 0 ? checkingKey() : undefined;
  const store = await openExisting();
  try {
    const result = await store.verify();
    if (!result.ok) {
      const { id, consentId, receivedAt } = result.record;
      const what = consentId === null ? 'a retention record' : `consent ID ${consentId}`;
      console.error(`Chain broken at record ${id} (${what}, received ${receivedAt}): ${result.problem}.`);
      return 1;
    }
    let failed = 0;
    for (const { file, checkpoint } of checkpoints) {
      const problem = await checkReach(checkpoint, publicKey!, store, result);
      if (problem === undefined) continue;
      console.error(
        `Checkpoint ${file} (${checkpoint.time}, ${count(checkpoint.count, 'record')} up to record ${checkpoint.lastId}) is not reached: ${problem}.`,
      );
      failed++;
    }
    if (failed > 0) return 1;
    console.log(
      result.lastId === undefined
        ? 'Chain intact: the log holds no records.'
        : `Chain intact: ${count(result.records, 'record')}, up to record ${result.lastId} with hash ${result.lastHash}.`,
    );
    if (checkpoints.length > 0) console.log(`It reaches every checkpoint: ${count(checkpoints.length, 'checkpoint')}.`);
    if (result.unfinishedPrune) {
      console.warn(
        `Retention record ${result.unfinishedPrune.id} was cut short: records up to ${result.unfinishedPrune.lastId} are still there. Run prune again to finish it.`,
      );
    }
    return 0;
  } catch (error) {
    // A file SQLite cannot read (a corrupt page), or a database gone away, ends in one line, not a stack trace.
    console.error(`Cannot verify the consent log: ${(error as Error).message}.`);
    return 1;
  } finally {
    await store.close();
  }
}

async function prune(olderThan: string | undefined, dryRun: boolean, force: boolean): Promise<void> {
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
  if (months < RETENTION_FLOOR_MONTHS && !force) {
    throw new UsageError(
      `${name} is ${months} months, below the ${RETENTION_FLOOR_MONTHS} months a consent and the cookies it allows can last: records still needed as proof would go. Add --force if that is meant.`,
    );
  }
  const now = new Date();
  const before = monthsBefore(now, months).toISOString();
  const store = await openExisting();
  try {
    const report = await store.prune(before, { dryRun, forced: months < RETENTION_FLOOR_MONTHS, now });
    const verb = dryRun ? 'Would prune' : 'Pruned';
    console.log(
      report.count === 0
        ? `Nothing to prune: no record was received before ${before}.`
        : `${verb} ${count(report.count, 'record')} received before ${before}, up to record ${report.lastId}` +
            (dryRun ? '.' : `; retention record ${report.recordId} in the chain says so.`),
    );
    if (report.finished !== undefined) {
      console.log(`Finished retention record ${report.finished}, whose run was cut short.`);
    }
    if (report.future > 0) {
      console.warn(
        `${count(report.future, 'record')} among them had a receive time in the future (a clock set wrong); their place in the chain, before records received before ${before}, dates them.`,
      );
    }
    if (report.futureKept.length > 0) {
      console.warn(
        `Kept, with a receive time in the future (a clock set wrong): record${report.futureKept.length === 1 ? '' : 's'} ${report.futureKept.join(', ')}. They go once the records received after them do.`,
      );
    }
  } finally {
    await store.close();
  }
}

function keygen(): void {
  const { privateKey, publicKey } = generateKeys();
  console.log(`CONSENT_LOG_SIGNING_KEY=${privateKey}`);
  console.log(`CONSENT_LOG_PUBLIC_KEY=${publicKey}`);
  console.error(
    'Give the service the signing key (a secret); put the public key in the README and the company’s records.',
  );
}

try {
  const { positionals, values, tokens } = parseArgs({
    allowPositionals: true,
    tokens: true,
    options: {
      'older-than': { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      checkpoint: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  // An option given twice is a mistake to point out, not a choice to make.
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'checkpoint') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice.\n\n${USAGE}`);
    seen.add(token.name);
  }
  const [command, ...extra] = positionals;
  const checkpoints = values.checkpoint ?? [];
  const pruneOptions = (['older-than', 'dry-run', 'force'] as const).filter((option) => values[option] !== undefined);
  if (values.help) console.log(USAGE);
  else if (command === 'verify' && checkpoints.length > 0) process.exitCode = await verify([...checkpoints, ...extra]);
  else if (extra.length > 0) throw new UsageError(`Unexpected "${extra.join(' ')}".\n\n${USAGE}`);
  else if (checkpoints.length > 0) throw new UsageError(`--checkpoint belongs to verify.\n\n${USAGE}`);
  else if (command !== 'prune' && pruneOptions.length > 0) {
    throw new UsageError(`--${pruneOptions[0]} belongs to prune.\n\n${USAGE}`);
  } else if (command === 'verify') process.exitCode = await verify([]);
  else if (command === 'prune') await prune(values['older-than'], values['dry-run'] ?? false, values.force ?? false);
  else if (command === 'keygen') keygen();
  else if (command !== undefined) throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  else await serve();
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    console.error(`${(error as Error).message}\n\n${USAGE}`);
  else if (error instanceof UsageError) console.error(error.message);
  else {
    console.error(`The consent log stopped: ${(error as Error).message}`);
    process.exit(1);
  }
  process.exit(2);
}
