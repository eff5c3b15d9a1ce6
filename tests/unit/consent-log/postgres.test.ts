/**
 * The consent log on PostgreSQL: several instances on one database keep one chain.
 * The rules that hold on both stores (prune, checkpoints, tampering) are tested on
 * both in prune.test.ts, checkpoint.test.ts and chain.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  beaconFields,
  postgresServer,
  rows,
  runCli,
  seed,
  sendBeacon,
  staffGet,
  startService,
  tamper,
  tempPostgresLog,
  type Service,
} from './service';

const BEACONS = 5000;
const CLIENTS = 50;

describe('on PostgreSQL', () => {
  it(
    `two instances take ${BEACONS} beacons from ${CLIENTS} clients together: none is lost, and verify passes`,
    { timeout: 120_000 },
    async () => {
      const db = await tempPostgresLog();
      // Both start at once on the empty database: one makes the tables, the other waits and finds them.
      const services = await Promise.all([0, 1].map(() => startService(db, { CONSENT_LOG_RATE_LIMIT: '1000000' })));
      const sent: string[] = [];
      const statuses = new Map<number, number>();
      try {
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, client) => {
            // Half the clients talk to each instance, as behind a load balancer.
            const service = services[client % 2]!;
            while (sent.length < BEACONS) {
              const fields = beaconFields();
              sent.push(fields['consentId']!);
              const response = await sendBeacon(service.url, fields);
              statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            }
          }),
        );
      } finally {
        await Promise.all(services.map((service) => service.stop()));
      }
      expect(Object.fromEntries(statuses)).toEqual({ 204: BEACONS });

      const stored = await rows(db, 'SELECT consent_id FROM records ORDER BY id');
      expect(stored).toHaveLength(BEACONS);
      expect(new Set(stored.map((row) => row['consent_id']))).toEqual(new Set(sent));
      // Both instances wrote, interleaved in one chain: transactions of either follow one another.
      const verify = await runCli(db, ['verify']);
      expect(verify.stdout).toMatch(
        new RegExp(`^Chain intact: ${BEACONS} records, up to record ${BEACONS} with hash`, 'm'),
      );
      expect(verify.status).toBe(0);
    },
  );

  it('the chain holds under two instances: its records link one to the next, with no ID twice or missing', async () => {
    const db = await tempPostgresLog();
    const services: Service[] = await Promise.all([startService(db), startService(db)]);
    try {
      await Promise.all(Array.from({ length: 40 }, (_, index) => sendBeacon(services[index % 2]!.url, beaconFields())));
    } finally {
      await Promise.all(services.map((service) => service.stop()));
    }
    const chain = await rows(db, 'SELECT id, prev_hash, hash FROM records ORDER BY id');
    expect(chain.map((row) => row['id'])).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    chain.slice(1).forEach((row, index) => expect(row['prev_hash']).toBe(chain[index]!['hash']));
  });

  it('staff read, export and health on PostgreSQL as on SQLite', async () => {
    const db = await tempPostgresLog();
    const service = await startService(db);
    try {
      const fields = beaconFields({ action: 'accept_all', layer: 'banner', bannerHash: '0123456789abcdef' });
      expect((await sendBeacon(service.url, fields)).status).toBe(204);
      const records = (await (await staffGet(service.url, `/samtycke/${fields['consentId']}`)).json()) as unknown[];
      expect(records).toEqual([
        expect.objectContaining({
          id: 1,
          consentId: fields['consentId'],
          categories: ['necessary', 'statistics', 'marketing'],
          action: 'accept_all',
          layer: 'banner',
          bannerHash: '0123456789abcdef',
        }),
      ]);
      const today = new Date().toISOString().slice(0, 10);
      const csv = await (await staffGet(service.url, `/export?from=${today}&to=${today}&format=csv`)).text();
      expect(csv.trim().split('\n')).toHaveLength(2);
      expect(csv).toContain(fields['consentId']);
      expect(await (await fetch(`${service.url}/health`)).json()).toEqual({ status: 'ok' });
      expect(service.output()).toMatch(/\(database postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres\?options=/);
    } finally {
      await service.stop();
    }
  });

  it('the database refuses to change a record, as SQLite does', async () => {
    const db = await tempPostgresLog();
    const service = await startService(db);
    try {
      expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
    } finally {
      await service.stop();
    }
    await expect(rows(db, "UPDATE records SET categories = 'necessary' WHERE id = 1")).rejects.toThrow(
      /consent records are never changed/,
    );
  });

  it('a record removed from the middle, then one edited: verify names where the chain breaks, as on SQLite', async () => {
    const db = await tempPostgresLog();
    await seed(
      db,
      Array.from({ length: 5 }, (_, index) => ({
        receivedAt: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString(),
      })),
    );
    expect(await runCli(db, ['verify'])).toMatchObject({ status: 0, stdout: expect.stringContaining('5 records') });
    await tamper(db, "UPDATE records SET categories = 'necessary' WHERE id = 4");
    const edited = await runCli(db, ['verify']);
    expect(edited.stderr).toMatch(/^Chain broken at record 4 .*: its content does not match its hash/m);
    expect(edited.status).toBe(1);
    await tamper(db, 'DELETE FROM records WHERE id = 2');
    const removed = await runCli(db, ['verify']);
    expect(removed.stderr).toMatch(/^Chain broken at record 3 .*: it does not follow on from record 1/m);
    expect(removed.status).toBe(1);
  });

  it('verify and prune never create a log that is not there, and a URL that is not PostgreSQL is refused', async () => {
    const db = await tempPostgresLog();
    for (const args of [['verify'], ['prune', '--older-than', '24']]) {
      const run = await runCli(db, args);
      expect(run.stderr).toMatch(/^There is no consent log in postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres/m);
      expect(run.status).toBe(2);
    }
    expect(
      await rows(db, "SELECT 1 FROM pg_tables WHERE tablename = 'records' AND schemaname = current_schema()"),
    ).toEqual([]);
    const wrong = await runCli(db, ['verify'], { CONSENT_LOG_DATABASE_URL: 'mysql://localhost/consent' });
    expect(wrong.stderr).toMatch(/CONSENT_LOG_DATABASE_URL must name a PostgreSQL database/);
    expect(wrong.status).toBe(2);
  });

  it('a database it cannot reach: the service says so in one line and stops', async () => {
    const server = await postgresServer();
    const unreachable = server.url('postgres').replace(/:\d+\//, ':1/');
    const run = await runCli(unreachable, []);
    expect(run.stderr).toMatch(
      /^Cannot open the consent log database postgres:\/\/postgres@127\.0\.0\.1:1\/postgres: /m,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(2);
  });
});
