import { expect, it } from 'vitest';
import { beaconFields, readRows, runCli, sendBeacon, startService, tempDb } from './service';

const BURST = 500;
/** Beacons in flight at once: enough to fill batches, few enough that the kill lands mid-burst. */
const IN_FLIGHT = 25;
const KILL_AFTER = 150;

// Two service starts and 500 requests: give a busy machine time.
it(
  'a burst of 500 beacons, SIGKILL in the middle: every acknowledged record survives, and the chain verifies',
  { timeout: 60_000 },
  async () => {
    const db = tempDb();
    const service = await startService(db, { CONSENT_LOG_RATE_LIMIT: '1000' });
    const acknowledged: string[] = [];
    let sent = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (sent < BURST) {
          sent++;
          const fields = beaconFields();
          try {
            const response = await sendBeacon(service.url, fields);
            if (response.status !== 204) continue;
            acknowledged.push(fields['consentId']!);
            if (acknowledged.length === KILL_AFTER) service.child.kill('SIGKILL');
          } catch {
            // Cut off by the kill, or refused after it: not acknowledged, so not promised.
          }
        }
      }),
    );
    await service.stop();
    expect(service.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(BURST);

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
  },
);
