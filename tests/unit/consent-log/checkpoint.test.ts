import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '#consent-log/store.ts';
import {
  BACKENDS,
  beaconFields,
  copyLog,
  openTestStore,
  rows,
  runCli,
  seed,
  sendBeacon,
  startService,
  tamper,
  tempDb,
  type Service,
} from './service';

it('keygen prints a signing key and its public key, one a line', async () => {
  const run = await runCli(tempDb(), ['keygen']);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(
    /^CONSENT_LOG_SIGNING_KEY=[A-Za-z0-9+/=]{40,}\nCONSENT_LOG_PUBLIC_KEY=[A-Za-z0-9+/=]{40,}\n$/,
  );
});

it('without a signing key, there is no /checkpoint, and the service says so', async () => {
  const service = await startService(tempDb());
  try {
    expect((await fetch(`${service.url}/checkpoint`)).status).toBe(404);
    expect(service.output()).toMatch(/Checkpoints are OFF: CONSENT_LOG_SIGNING_KEY is not set/);
  } finally {
    await service.stop();
  }
});

describe.each(BACKENDS)('a saved checkpoint, on $name', ({ newLog }) => {
  let db: string;
  const checkpointFile = join(dirname(dirname(tempDb())), 'checkpoint.json');
  let keys: { signing: string; public: string };
  let service: Service | undefined;

  /** A copy of the log as it stands, to tamper with. */
  const copy = () => copyLog(db);
  const verify = (file: string, env: Record<string, string> = { CONSENT_LOG_PUBLIC_KEY: keys.public }) =>
    runCli(file, ['verify', '--checkpoint', checkpointFile], env);

  beforeAll(async () => {
    db = await newLog();
    const generated = await runCli(tempDb(), ['keygen']);
    const [signing, publicKey] = generated.stdout.split('\n').map((line) => line.split('=').slice(1).join('='));
    keys = { signing: signing!, public: publicKey! };
    await seed(
      db,
      Array.from({ length: 150 }, (_, index) => ({
        receivedAt: new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString(),
      })),
    );
    service = await startService(db, { CONSENT_LOG_SIGNING_KEY: keys.signing });
    for (let i = 0; i < 5; i++) expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
    const response = await fetch(`${service.url}/checkpoint`);
    expect(response.status).toBe(200);
    const checkpoint = (await response.json()) as Record<string, unknown>;
    expect(checkpoint).toEqual({
      log: 'consent-log',
      count: 155,
      lastId: 155,
      lastHash: (await rows(db)).at(-1)!['hash'],
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      signature: expect.any(String),
    });
    writeFileSync(checkpointFile, JSON.stringify(checkpoint));
    // The log goes on after the checkpoint.
    for (let i = 0; i < 3; i++) expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
    await service.stop();
    // Starting PostgreSQL (initdb) takes a while on a busy machine.
  }, 120_000);
  afterAll(() => service?.stop());

  it('an intact log reaches it, checked with the public key or the signing key', async () => {
    for (const env of [{ CONSENT_LOG_PUBLIC_KEY: keys.public }, { CONSENT_LOG_SIGNING_KEY: keys.signing }]) {
      const run = await verify(db, env);
      expect(run.stdout).toMatch(/^Chain intact: 158 records.*\nIt reaches every checkpoint: 1 checkpoint\.$/m);
      expect(run.status).toBe(0);
    }
  });

  it('without a public key, verify --checkpoint refuses', async () => {
    const run = await verify(db, {});
    expect(run.stderr).toMatch(/set CONSENT_LOG_PUBLIC_KEY/);
    expect(run.status).toBe(2);
  });

  it('a checkpoint whose content was changed fails its signature', async () => {
    const forged = `${checkpointFile}.forged.json`;
    const checkpoint = JSON.parse(readFileSync(checkpointFile, 'utf8')) as { lastId: number };
    writeFileSync(forged, JSON.stringify({ ...checkpoint, lastId: checkpoint.lastId - 1 }));
    const run = await runCli(db, ['verify', '--checkpoint', forged], { CONSENT_LOG_PUBLIC_KEY: keys.public });
    expect(run.stderr).toContain(`Checkpoint ${forged}`);
    expect(run.stderr).toMatch(/its signature does not match/);
    expect(run.status).toBe(1);
  });

  for (const [what, sql, reason] of [
    [
      'the newest 100 records deleted',
      'DELETE FROM records WHERE id > 58',
      /the log ends at record 58, before record 155/,
    ],
    ['every record deleted', 'DELETE FROM records', /the log ends at no record, before record 155/],
  ] as const) {
    it(`${what}: verify alone passes, verify --checkpoint fails naming the checkpoint`, async () => {
      const file = await copy();
      await tamper(file, sql);
      expect((await runCli(file, ['verify'])).status).toBe(0);
      const run = await verify(file);
      expect(run.stderr).toContain(`Checkpoint ${checkpointFile} (`);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.status).toBe(1);
    });
  }

  it('the chain rebuilt from scratch, with one record changed: verify --checkpoint fails naming it', async () => {
    const original = await rows(db);
    const file = await copy();
    await tamper(file, 'DELETE FROM records');
    const store = await openTestStore(file);
    await store.append(
      original.map((row) => {
        const record: Partial<ConsentRecord> = {
          event: row['event'] as ConsentRecord['event'],
          consentId: String(row['consent_id']),
          visitorTime: String(row['visitor_time']),
          categories: (row['id'] === 2 ? 'necessary' : String(row['categories'])).split(
            ',',
          ) as ConsentRecord['categories'],
          cookiePolicyVersion: String(row['cookie_policy_version']),
          cookiePolicyEffective: String(row['cookie_policy_effective']),
          revision: null,
          gpc: null,
          bannerHash: null,
          action: null,
          layer: null,
        };
        return { receivedAt: String(row['received_at']), beacon: record as ConsentRecord };
      }),
    );
    await store.close();
    // A perfect rebuild: the chain alone holds together.
    expect((await rows(file)).map((row) => row['id'])).toEqual(original.map((row) => row['id']));
    expect((await runCli(file, ['verify'])).status).toBe(0);
    const run = await verify(file);
    expect(run.stderr).toContain(`Checkpoint ${checkpointFile} (`);
    expect(run.stderr).toMatch(/record 155 has another hash than it had then: the chain was rebuilt/);
    expect(run.status).toBe(1);
  });

  it('a record edited in the middle still fails verify alone', async () => {
    const file = await copy();
    await tamper(file, "UPDATE records SET categories = 'necessary' WHERE id = 80");
    const run = await runCli(file, ['verify']);
    expect(run.stderr).toMatch(/^Chain broken at record 80 .*its content does not match its hash/m);
    expect(run.status).toBe(1);
  });
});
