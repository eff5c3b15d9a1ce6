import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import { startChildServer, type ChildServer } from '../../harness/childServer';
import { CONSENT_LOG, CONSENT_LOG_TOKEN, origin, PORTS } from '../../harness/ports';
import { startPostgres, type PostgresServer } from '../../unit/consent-log/postgres';
import { banner, storedConsent } from '../support/consent';
import { testOn } from '../support/site';

const test = testOn('published');
const CLI = resolve(import.meta.dirname, '../../../services/consent-log/src/cli.ts');

// The published site reports to the consent log the harness runs on SQLite: the build
// names its origin in the pages and their content security policy. Here a second
// instance of the service runs on a PostgreSQL server of this file's own, and the
// beacon the browser sends to that origin is passed to it unchanged (its method,
// headers and body) and its answer back to the browser. Without PostgreSQL installed,
// the test fails, saying what to install (../../unit/consent-log/postgres.ts).
test.describe('With PostgreSQL', () => {
  let postgres: PostgresServer;
  let log: string;
  let service: ChildServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    postgres = await startPostgres();
    log = await postgres.newLog();
    service = await startChildServer([CLI], {
      CONSENT_LOG_DATABASE_URL: log,
      CONSENT_LOG_ORIGINS: origin(PORTS.published),
      CONSENT_LOG_TOKEN,
    });
  });
  test.afterAll(async () => {
    await service?.stop();
    await postgres?.stop();
  });

  test('the browser flow stores a record', async ({ page, context, request }) => {
    const passed: string[] = [];
    await context.route(`${CONSENT_LOG}/samtycke`, async (route) => {
      passed.push(route.request().method());
      await route.fulfill({ response: await route.fetch({ url: `${service.url}/samtycke` }) });
    });
    await page.goto('/');
    await banner(page).getByRole('button', { name: 'Acceptera alla' }).click();
    const consentId = (await storedConsent(context))!.consentId;

    await expect
      .poll(() => postgres.query(log, 'SELECT * FROM records WHERE consent_id = $1', [consentId]))
      .toEqual([
        expect.objectContaining({
          id: 1,
          event: 'consent',
          consent_id: consentId,
          categories: 'necessary,statistics,marketing',
          cookie_policy_version: '1',
          cookie_policy_effective: '2026-11-24',
          prev_hash: '0'.repeat(64),
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      ]);
    expect(passed).toContain('POST');
    // Staff read it from the PostgreSQL instance; the harness's SQLite log never had it.
    const staff = { headers: { Authorization: `Bearer ${CONSENT_LOG_TOKEN}` } };
    const stored = await request.get(`${service.url}/samtycke/${consentId}`, staff);
    expect(await stored.json()).toEqual([expect.objectContaining({ consentId, event: 'consent' })]);
    expect(await (await request.get(`${CONSENT_LOG}/samtycke/${consentId}`, staff)).json()).toEqual([]);
  });
});
