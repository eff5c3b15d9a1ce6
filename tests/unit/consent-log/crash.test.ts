import { expect, it } from 'vitest';
import { beaconFields, readRows, runCli, sendBeacon, startService, tempDb } from './service';

it('a burst of 500 beacons, SIGKILL in the middle: every acknowledged record survives, and the chain verifies', async () => {
  const db = tempDb();
  const service = await startService(db, { CONSENT_LOG_RATE_LIMIT: '1000' });
  const acknowledged: string[] = [];
  let killedAfter: number | undefined;
  await Promise.all(
    Array.from({ length: 500 }, async () => {
      const fields = beaconFields();
      try {
        const response = await sendBeacon(service.url, fields);
        if (response.status !== 204) return;
        acknowledged.push(fields['consentId']!);
        if (acknowledged.length === 150) {
          killedAfter = acknowledged.length;
          service.child.kill('SIGKILL');
        }
      } catch {
        // Cut off by the kill: not acknowledged, so not promised.
      }
    }),
  );
  await service.stop();
  expect(killedAfter).toBe(150);
  expect(acknowledged.length).toBeLessThan(500);

  const restarted = await startService(db);
  try {
    const stored = new Set(readRows(db).map((row) => row['consent_id']));
    expect(acknowledged.filter((consentId) => !stored.has(consentId))).toEqual([]);
    const verify = await runCli(db, ['verify']);
    expect(verify.stdout).toMatch(/^Chain intact/);
    expect(verify.status).toBe(0);
  } finally {
    await restarted.stop();
  }
});
