import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beaconFields,
  countRecords,
  readRows,
  runCli,
  seed,
  sendBeacon,
  staffGet,
  startService,
  tempDb,
  type Service,
} from './service';

/** The instant `months` months before now, give or take a day. */
const monthsAgo = (months: number): string => new Date(Date.now() - months * 30.5 * 86_400_000).toISOString();

/** Changes the database file directly, past the trigger that keeps records unchanged. */
function tamper(db: string, sql: string): void {
  const connection = new DatabaseSync(db);
  connection.exec(`DROP TRIGGER IF EXISTS records_are_append_only; ${sql}`);
  connection.close();
}

describe('tampering', () => {
  const db = tempDb();
  let service: Service;
  beforeAll(async () => {
    await seed(db, [{ receivedAt: monthsAgo(30) }, { receivedAt: monthsAgo(26) }, { receivedAt: monthsAgo(25) }]);
    service = await startService(db);
    for (let i = 0; i < 2; i++) expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
  });
  afterAll(() => service.stop());

  it('verify passes on a log nobody has touched', async () => {
    const run = await runCli(db, ['verify']);
    expect(run.stdout).toMatch(/^Chain intact: 5 records, up to record 5 with hash [0-9a-f]{64}\.$/m);
    expect(run.status).toBe(0);
  });

  it('nothing in the service can change a record: the database refuses updates', async () => {
    const connection = new DatabaseSync(db);
    expect(() => connection.exec("UPDATE records SET categories = 'necessary' WHERE id = 2")).toThrow(
      /consent records are never changed/,
    );
    connection.close();
  });

  it('a record whose categories were edited in the file: verify fails and names it', async () => {
    const consentId = readRows(db)[1]!['consent_id'];
    tamper(db, "UPDATE records SET categories = 'necessary' WHERE id = 2");
    const run = await runCli(db, ['verify']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `Chain broken at record 2 (consent ID ${consentId}, received ${readRows(db)[1]!['received_at']}): its content does not match its hash`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('once retention has pruned that record, verify passes, and the service goes on appending', async () => {
    const pruned = readRows(db)
      .slice(0, 3)
      .map((row) => String(row['consent_id']));
    const prune = await runCli(db, ['prune', '--older-than', '24']);
    expect(prune.stdout).toMatch(
      /^Pruned 3 records received before .*, up to record 3; retention record 6 in the chain says so\.$/m,
    );
    expect(prune.status).toBe(0);
    // The two kept, and the retention record.
    expect(countRecords(db)).toBe(3);
    expect(await runCli(db, ['verify'])).toMatchObject({ status: 0, stdout: expect.stringContaining('3 records') });

    expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
    expect(await runCli(db, ['verify'])).toMatchObject({ status: 0, stdout: expect.stringContaining('4 records') });
    expect(await (await staffGet(service.url, `/samtycke/${pruned[0]}`)).json()).toEqual([]);
  });

  it('a record removed from the middle: verify names the one after it', async () => {
    tamper(db, 'DELETE FROM records WHERE id = 5');
    const run = await runCli(db, ['verify']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Chain broken at record 6 .*: it does not follow on from record 4/m);
  });
});

describe('retention', () => {
  it('prune with CONSENT_LOG_RETENTION_MONTHS deletes only what is older', async () => {
    const db = tempDb();
    await seed(db, [{ receivedAt: monthsAgo(22) }, { receivedAt: monthsAgo(21) }, { receivedAt: monthsAgo(19) }]);
    const run = await runCli(db, ['prune'], { CONSENT_LOG_RETENTION_MONTHS: '20' });
    expect(run.stdout).toMatch(/Pruned 2 records/);
    expect(readRows(db).map((row) => [row['id'], row['event']])).toEqual([
      [3, 'consent'],
      [4, 'prune'],
    ]);
    expect((await runCli(db, ['prune'], { CONSENT_LOG_RETENTION_MONTHS: '20' })).stdout).toMatch(/^Nothing to prune/);
    expect((await runCli(db, ['verify'])).status).toBe(0);
  });

  it('--older-than wins over CONSENT_LOG_RETENTION_MONTHS', async () => {
    const db = tempDb();
    await seed(db, [{ receivedAt: monthsAgo(30) }, { receivedAt: monthsAgo(22) }]);
    const run = await runCli(db, ['prune', '--older-than', '20'], { CONSENT_LOG_RETENTION_MONTHS: '36' });
    expect(run.stdout).toMatch(/Pruned 2 records/);
    // Only the retention record is left.
    expect(countRecords(db)).toBe(1);
  });

  it('after everything is pruned, new records chain on from the retention record', async () => {
    const db = tempDb();
    await seed(db, [{ receivedAt: monthsAgo(40) }, { receivedAt: monthsAgo(39) }]);
    expect((await runCli(db, ['prune', '--older-than', '36'])).status).toBe(0);
    expect((await runCli(db, ['verify'])).stdout).toMatch(/^Chain intact: 1 record, up to record 3 /m);
    const service = await startService(db);
    try {
      expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
    } finally {
      await service.stop();
    }
    expect(readRows(db)).toEqual([
      expect.objectContaining({ id: 3, event: 'prune' }),
      expect.objectContaining({ id: 4, event: 'consent' }),
    ]);
    expect(await runCli(db, ['verify'])).toMatchObject({ status: 0, stdout: expect.stringContaining('2 records,') });
  });
});

describe('the command line refuses what it cannot do, with a message and no stack trace', () => {
  const db = tempDb();
  beforeAll(() => seed(db, [{ receivedAt: monthsAgo(1) }]));

  for (const [what, args, env, message] of [
    ['prune without a retention', ['prune'], {}, /--older-than <months>, or set CONSENT_LOG_RETENTION_MONTHS/],
    ['prune --older-than 0', ['prune', '--older-than', '0'], {}, /--older-than must be a whole number from 1/],
    [
      'a retention that is not a number',
      ['prune'],
      { CONSENT_LOG_RETENTION_MONTHS: '6m' },
      /CONSENT_LOG_RETENTION_MONTHS must be a whole number/,
    ],
    ['an unknown command', ['repair'], {}, /Unknown command "repair"/],
    ['an unknown option', ['verify', '--fix'], {}, /Unknown option '--fix'/],
    ['--older-than without prune', ['--older-than', '6'], {}, /--older-than belongs to prune/],
    ['an origin that is not an origin', [], { CONSENT_LOG_ORIGINS: 'techtroopers.com' }, /CONSENT_LOG_ORIGINS/],
  ] as const) {
    it(what, async () => {
      const run = await runCli(db, [...args], env);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.status).toBe(2);
      expect(countRecords(db)).toBe(1);
    });
  }

  it('a database an earlier version wrote is refused, not migrated, and left as it is', async () => {
    const old = tempDb();
    mkdirSync(dirname(old), { recursive: true });
    const connection = new DatabaseSync(old);
    connection.exec('CREATE TABLE records (id INTEGER PRIMARY KEY, hash TEXT); INSERT INTO records VALUES (1, 1);');
    connection.close();
    for (const args of [['verify'], ['prune', '--older-than', '24'], []]) {
      const run = await runCli(old, args);
      expect(run.stderr).toMatch(
        /^Refusing to open the consent log: .* was written by an earlier consent log.*It is not migrated/m,
      );
      expect(run.status).toBe(2);
    }
    expect(readRows(old)).toEqual([{ id: 1, hash: '1' }]);
  });

  it('verify and prune never create a database that is not there', async () => {
    const missing = tempDb();
    for (const args of [['verify'], ['prune', '--older-than', '24']]) {
      const run = await runCli(missing, args);
      expect(run.stderr).toMatch(/There is no consent log database at/);
      expect(run.status).toBe(2);
    }
  });
});
