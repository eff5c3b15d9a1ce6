/**
 * Signed checkpoints: the log's head (how many records, the last one's ID and
 * hash) at a moment, signed with the service's Ed25519 key. Kept where the log's
 * host cannot change them, they let `verify --checkpoint` tell whether the log
 * still reaches what it once held: a truncated tail, deleted records or a rebuilt
 * chain no longer do.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { monthsBefore, RETENTION_FLOOR_MONTHS } from './retention.ts';
import type { Head, Store, Verification } from './chain.ts';

/** A checkpoint as `GET /checkpoint` answers it and as it is saved. */
export interface Checkpoint {
  log: 'consent-log';
  count: number;
  lastId: number | null;
  lastHash: string;
  /** When it was taken (ISO 8601, UTC). */
  time: string;
  /** Ed25519 over `signedText(…)`, base64. */
  signature: string;
}

/** The bytes signed: the fields in a fixed order. */
const signedText = (checkpoint: Omit<Checkpoint, 'signature'>): string =>
  JSON.stringify([
    'consent-log-checkpoint/1',
    checkpoint.count,
    checkpoint.lastId,
    checkpoint.lastHash,
    checkpoint.time,
  ]);

/** A new key pair, both halves as single-line base64 DER (PKCS #8 and SPKI), for environment variables. */
export function generateKeys(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** The private key from its base64 DER; throws a message naming `name` when it is not an Ed25519 key. */
export function readPrivateKey(name: string, value: string): KeyObject {
  try {
    const key = createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // Reported below, the same way as a key of another type.
  }
  throw new Error(`${name} is not an Ed25519 private key as \`consent-log -- keygen\` prints it.`);
}

/** The public key from its base64 DER. */
export function readPublicKey(name: string, value: string): KeyObject {
  try {
    const key = createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // As above.
  }
  throw new Error(`${name} is not an Ed25519 public key as \`consent-log -- keygen\` prints it.`);
}

/** The public half of a private key, as base64 DER. */
export const publicKeyText = (privateKey: KeyObject): string =>
  createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');

/** A checkpoint of `head` at `time`, signed with `key`. */
export function takeCheckpoint(head: Head, key: KeyObject, time: Date = new Date()): Checkpoint {
  const unsigned = {
    log: 'consent-log' as const,
    count: head.count,
    lastId: head.lastId ?? null,
    lastHash: head.lastHash,
    time: time.toISOString(),
  };
  return { ...unsigned, signature: sign(null, Buffer.from(signedText(unsigned)), key).toString('base64') };
}

/** Reads a saved checkpoint: the checkpoint, or what is wrong with it. */
export function parseCheckpoint(text: string): Checkpoint | string {
  let value: Partial<Checkpoint>;
  try {
    value = JSON.parse(text) as Partial<Checkpoint>;
  } catch {
    return 'it is not JSON';
  }
  if (
    value?.log !== 'consent-log' ||
    typeof value.count !== 'number' ||
    !(value.lastId === null || Number.isInteger(value.lastId)) ||
    typeof value.lastHash !== 'string' ||
    typeof value.time !== 'string' ||
    typeof value.signature !== 'string'
  ) {
    return 'it is not a consent log checkpoint';
  }
  return value as Checkpoint;
}

/**
 * Whether the log still reaches `checkpoint`, given a passed verification: the
 * problem, or undefined when it does. A checkpoint's record may be gone only
 * through a retention record in the chain, written after it, whose cut-off comes
 * after the checkpoint and at least the retention floor before the retention
 * record itself, not in the future and not forced: a retention record made up
 * to hide records cannot reach back to recent checkpoints.
 */
export async function checkReach(
  checkpoint: Checkpoint,
  publicKey: KeyObject,
  store: Pick<Store, 'hashOf'>,
  verification: Extract<Verification, { ok: true }>,
  now: Date = new Date(),
): Promise<string | undefined> {
  const { signature, ...unsigned } = checkpoint;
  if (!verify(null, Buffer.from(signedText(unsigned)), publicKey, Buffer.from(signature, 'base64'))) {
    return 'its signature does not match the public key: it was not signed by this log, or it was changed';
  }
  if (checkpoint.lastId === null) return undefined;
  const hash = await store.hashOf(checkpoint.lastId);
  if (hash !== undefined) {
    return hash === checkpoint.lastHash
      ? undefined
      : `record ${checkpoint.lastId} has another hash than it had then: the chain was rebuilt`;
  }
  const prune = verification.prunes.find(
    (candidate) => candidate.lastId >= checkpoint.lastId! && candidate.id > checkpoint.lastId!,
  );
  if (prune === undefined) {
    return (verification.lastId ?? 0) < checkpoint.lastId
      ? `the log ends at ${verification.lastId === undefined ? 'no record' : `record ${verification.lastId}`}, before record ${checkpoint.lastId}: its newest records were removed`
      : `record ${checkpoint.lastId} is gone, and no retention record in the chain removed it`;
  }
  const removed = `record ${checkpoint.lastId} is gone, removed by retention record ${prune.id}`;
  if (prune.forced) return `${removed}, which was forced below the retention floor`;
  if (prune.receivedAt > now.toISOString()) return `${removed}, which is dated in the future`;
  if (prune.before > monthsBefore(new Date(prune.receivedAt), RETENTION_FLOOR_MONTHS).toISOString()) {
    return `${removed}, whose cut-off ${prune.before} is less than ${RETENTION_FLOOR_MONTHS} months before it`;
  }
  if (checkpoint.time >= prune.before) return `${removed}, whose cut-off ${prune.before} is not after the checkpoint`;
  if (prune.lastId === checkpoint.lastId && prune.lastHash !== checkpoint.lastHash) {
    return `record ${checkpoint.lastId} had another hash than retention record ${prune.id} says it removed`;
  }
  return undefined;
}
