import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKENDS, beaconFields, openTestStore, rows, runCli, seed, sendBeacon, startService } from './service';

/** The instant `months` months before now, give or take a day. */
const monthsAgo = (months: number): string => new Date(Date.now() - months * 30.5 * 86_400_000).toISOString();

/** `count` records received `months` ago, a millisecond apart, written through the store in batches. */
async function seedMany(db: string, count: number, months: number): Promise<void> {
  const store = await openTestStore(db);
  const start = Date.parse(monthsAgo(months));
  for (let done = 0; done < count; done += 10_000) {
    await store.append(
      Array.from({ length: Math.min(10_000, count - done) }, (_, index) => {
        const receivedAt = new Date(start + done + index).toISOString();
        return {
          receivedAt,
          beacon: {
            event: 'consent' as const,
            consentId: randomUUID(),
            visitorTime: receivedAt,
            categories: ['necessary' as const],
            cookiePolicyVersion: '1',
            cookiePolicyEffective: '2024-01-01',
            revision: null,
            gpc: null,
            bannerHash: null,
            action: null,
            layer: null,
          },
        };
      }),
    );
  }
  await store.close();
}

// The same rules on both stores. On PostgreSQL the big prune is a twentieth as big: the test
// proves the same there (batches that let beacons through), and the suite stays quick.
describe.each(BACKENDS)('on $name', ({ name, newLog }) => {
  const old = name === 'SQLite' ? 200_000 : 10_000;
  it(
    `a prune of ${old.toLocaleString('en')} old records while 20 clients send beacons: every beacon is answered 204, and verify passes`,
    { timeout: 240_000 },
    async () => {
      const db = await newLog();
      await seedMany(db, old, 30);
      const service = await startService(db, { CONSENT_LOG_RATE_LIMIT: '1000000' });
      try {
        const statuses = new Map<number, number>();
        let sent = 0;
        let pruning = true;
        const prune = runCli(db, ['prune', '--older-than', '24']).finally(() => {
          pruning = false;
        });
        await Promise.all(
          Array.from({ length: 20 }, async () => {
            while (pruning) {
              const response = await sendBeacon(service.url, beaconFields());
              statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
              sent++;
            }
          }),
        );
        const run = await prune;
        expect(run.stdout).toMatch(
          new RegExp(
            `^Pruned ${old} records received before .*, up to record ${old}; retention record \\d+ in the chain says so\\.$`,
            'm',
          ),
        );
        expect(run.status).toBe(0);
        expect(Object.fromEntries(statuses)).toEqual({ 204: sent });
        expect(sent).toBeGreaterThan(20);

        const kept = await rows(db, 'SELECT id, event, prune FROM records ORDER BY id');
        expect(kept).toHaveLength(sent + 1);
        const record = kept.find((row) => row['event'] === 'prune')!;
        expect(JSON.parse(String(record['prune']))).toEqual({
          before: expect.any(String),
          count: old,
          lastId: old,
          lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
          future: 0,
          forced: false,
        });
        const verify = await runCli(db, ['verify']);
        expect(verify.stdout).toMatch(new RegExp(`^Chain intact: ${sent + 1} records`, 'm'));
        expect(verify.status).toBe(0);
      } finally {
        await service.stop();
      }
    },
  );

  describe('prune', () => {
    it('--dry-run says what would go and removes nothing', async () => {
      const db = await newLog();
      await seed(db, [{ receivedAt: monthsAgo(30) }, { receivedAt: monthsAgo(29) }, { receivedAt: monthsAgo(2) }]);
      const run = await runCli(db, ['prune', '--older-than', '24', '--dry-run']);
      expect(run.stdout).toMatch(/^Would prune 2 records received before .*, up to record 2\.$/m);
      expect(await rows(db)).toHaveLength(3);
    });

    it('refuses a retention below 19 months unless forced, and records that it was forced', async () => {
      const db = await newLog();
      await seed(db, [{ receivedAt: monthsAgo(14) }, { receivedAt: monthsAgo(1) }]);
      for (const [args, env] of [
        [['prune', '--older-than', '12'], {}],
        [['prune'], { CONSENT_LOG_RETENTION_MONTHS: '18' }],
      ] as const) {
        const run = await runCli(db, [...args], env);
        expect(run.stderr).toMatch(/is 1[28] months, below the 19 months .* Add --force if that is meant\./);
        expect(run.status).toBe(2);
      }
      expect(await rows(db)).toHaveLength(2);
      const forced = await runCli(db, ['prune', '--older-than', '12', '--force']);
      expect(forced.stdout).toMatch(/^Pruned 1 record received before/m);
      const record = (await rows(db)).find((row) => row['event'] === 'prune')!;
      expect(JSON.parse(String(record['prune']))).toMatchObject({ count: 1, forced: true });
      expect((await runCli(db, ['verify'])).status).toBe(0);
    });

    it('refuses an option given twice', async () => {
      const db = await newLog();
      await seed(db, [{ receivedAt: monthsAgo(30) }]);
      for (const args of [
        ['prune', '--older-than', '24', '--older-than', '36'],
        ['prune', '--older-than', '24', '--dry-run', '--dry-run'],
      ]) {
        const run = await runCli(db, args);
        expect(run.stderr).toMatch(/^--(older-than|dry-run) is given twice\./m);
        expect(run.status).toBe(2);
      }
      expect(await rows(db)).toHaveLength(1);
    });

    it('a record with a receive time in the future neither stops retention nor is skipped silently', async () => {
      const db = await newLog();
      await seed(db, [
        { receivedAt: monthsAgo(30) },
        { receivedAt: '2099-01-01T00:00:00.000Z' },
        { receivedAt: monthsAgo(29) },
        { receivedAt: monthsAgo(1) },
        { receivedAt: '2098-01-01T00:00:00.000Z' },
      ]);
      const run = await runCli(db, ['prune', '--older-than', '24']);
      expect(run.stdout).toMatch(/^Pruned 3 records received before .*, up to record 3;/m);
      expect(run.stderr).toMatch(/^1 record among them had a receive time in the future/m);
      expect(run.stderr).toMatch(/^Kept, with a receive time in the future \(a clock set wrong\): record 5\./m);
      expect((await rows(db)).map((row) => row['id'])).toEqual([4, 5, 6]);
      expect(JSON.parse(String((await rows(db))[2]!['prune']))).toMatchObject({ count: 3, lastId: 3, future: 1 });
      expect((await runCli(db, ['verify'])).status).toBe(0);
    });

    it('a beacon received after the command started, before its plan, is kept: it is new, not in the future', async () => {
      const db = await newLog();
      // The command's clock, read as it started: a second before the last beacon arrived.
      const started = new Date(Date.now() - 1000);
      await seed(db, [
        { receivedAt: monthsAgo(30) },
        { receivedAt: monthsAgo(29) },
        { receivedAt: new Date().toISOString() },
      ]);
      const store = await openTestStore(db);
      try {
        const report = await store.prune(monthsAgo(24), { now: started });
        expect(report).toMatchObject({ count: 2, lastId: 2, future: 0, futureKept: [] });
      } finally {
        await store.close();
      }
      expect((await rows(db)).map((row) => row['id'])).toEqual([3, 4]);
    });

    it('a prune cut short is finished by the next, and verify says so meanwhile', async () => {
      const db = await newLog();
      await seed(db, [{ receivedAt: monthsAgo(30) }, { receivedAt: monthsAgo(29) }, { receivedAt: monthsAgo(28) }]);
      const store = await openTestStore(db);
      // One batch of one row, then stop: as if the process were killed after its first batch.
      const pruning = store.prune(monthsAgo(25), { batch: 1, pause: 60_000 });
      await new Promise((resume) => setTimeout(resume, 200));
      await store.close();
      void pruning.catch(() => undefined);
      expect((await rows(db)).map((row) => row['id'])).toEqual([2, 3, 4]);
      const verify = await runCli(db, ['verify']);
      expect(verify.status).toBe(0);
      expect(verify.stderr).toMatch(
        /Retention record 4 was cut short: records up to 3 are still there\. Run prune again/,
      );
      // Nothing is older than 36 months: only what the cut-short run meant to remove goes.
      const again = await runCli(db, ['prune', '--older-than', '36']);
      expect(again.stdout).toMatch(/^Finished retention record 4, whose run was cut short\.$/m);
      expect((await rows(db)).map((row) => row['id'])).toEqual([4]);
      expect((await runCli(db, ['verify'])).status).toBe(0);
    });
  });
});
