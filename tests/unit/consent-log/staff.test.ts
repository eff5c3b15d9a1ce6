import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beaconFields, seed, sendBeacon, staffGet, startService, tempDb, TOKEN, type Service } from './service';

const VISITOR = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';
const OTHER = '0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8';

describe('the staff endpoints', () => {
  const db = tempDb();
  let service: Service;
  beforeAll(async () => {
    // Records received on three days, two of them from one visitor.
    await seed(db, [
      {
        receivedAt: '2026-11-30T22:59:01.000Z',
        beacon: { consentId: VISITOR, visitorTime: '2026-11-30T23:59:00.000+01:00' },
      },
      { receivedAt: '2026-12-01T08:00:01.000Z', beacon: { consentId: OTHER, categories: ['necessary'] } },
      {
        receivedAt: '2026-12-02T12:00:01.000Z',
        beacon: { consentId: VISITOR, event: 'change', categories: ['necessary', 'marketing'] },
      },
    ]);
    service = await startService(db);
  });
  afterAll(() => service.stop());

  it('answer a missing token and every wrong one with the same response', async () => {
    const answers = [];
    for (const path of [`/samtycke/${VISITOR}`, '/export?from=2026-11-01&to=2026-12-31']) {
      for (const authorization of [
        undefined,
        '',
        'Bearer',
        'Bearer wrong',
        `Bearer ${TOKEN.slice(0, -1)}`,
        `Bearer ${TOKEN}x`,
        `Basic ${Buffer.from(`staff:${TOKEN}`).toString('base64')}`,
        `bearer ${TOKEN}`,
      ]) {
        const response = await fetch(`${service.url}${path}`, {
          headers: authorization === undefined ? {} : { Authorization: authorization },
        });
        const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
        answers.push({ status: response.status, headers, body: await response.text() });
      }
    }
    expect(answers[0]).toMatchObject({ status: 401, headers: { 'www-authenticate': 'Bearer' } });
    expect(answers[0]!.body).toContain('A valid bearer token is required.');
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('GET /samtycke/<consentId> returns that consent ID’s records, oldest first', async () => {
    const response = await staffGet(service.url, `/samtycke/${VISITOR.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const records = (await response.json()) as Record<string, unknown>[];
    expect(records).toEqual([
      expect.objectContaining({
        id: 1,
        event: 'consent',
        consentId: VISITOR,
        receivedAt: '2026-11-30T22:59:01.000Z',
        visitorTime: '2026-11-30T23:59:00.000+01:00',
        categories: ['necessary', 'statistics', 'marketing'],
        cookiePolicyVersion: '1',
        cookiePolicyEffective: '2026-11-24',
        revision: null,
        gpc: null,
        bannerHash: null,
        action: null,
        layer: null,
        bannerText: null,
        prevHash: '0'.repeat(64),
      }),
      expect.objectContaining({ id: 3, event: 'change', categories: ['necessary', 'marketing'] }),
    ]);
    expect(records[1]!['prevHash']).not.toBe(records[0]!['hash']);
  });

  it('GET /samtycke/<consentId> answers an unknown ID with an empty list and a malformed one with 400', async () => {
    expect(await (await staffGet(service.url, '/samtycke/00000000-0000-4000-8000-000000000000')).json()).toEqual([]);
    const malformed = await staffGet(service.url, '/samtycke/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'The consent ID must be a UUID.' });
  });

  it('GET /export returns the period’s records as JSON, days counted in UTC, both included', async () => {
    const response = await staffGet(service.url, '/export?from=2026-12-01&to=2026-12-02&format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="consent-log-2026-12-01-2026-12-02.json"',
    );
    const records = (await response.json()) as { id: number; consentId: string }[];
    expect(records.map((record) => record.id)).toEqual([2, 3]);
    expect(await (await staffGet(service.url, '/export?from=2026-10-01&to=2026-10-31')).json()).toEqual([]);
  });

  it('GET /export pages through a long period: every record once, in the order received', async () => {
    // 1200 records on one day, several to a millisecond, as a busy day's batches are.
    await seed(
      db,
      Array.from({ length: 1200 }, (_, index) => ({
        receivedAt: new Date(Date.UTC(2027, 0, 5, 12) + Math.floor(index / 7)).toISOString(),
      })),
    );
    const json = (await (await staffGet(service.url, '/export?from=2027-01-05&to=2027-01-05')).json()) as {
      id: number;
    }[];
    expect(json.map((record) => record.id)).toEqual(Array.from({ length: 1200 }, (_, index) => index + 4));
    const csv = await (await staffGet(service.url, '/export?from=2027-01-05&to=2027-01-05&format=csv')).text();
    expect(csv.split('\r\n')).toHaveLength(1 + 1200 + 1);
  });

  it('GET /export returns CSV with a header and one line per record', async () => {
    const response = await staffGet(service.url, '/export?from=2026-11-30&to=2026-11-30&format=csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'id,receivedAt,event,consentId,visitorTime,categories,cookiePolicyVersion,cookiePolicyEffective,revision,gpc,bannerHash,action,layer,prevHash,hash',
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^1,2026-11-30T22:59:01.000Z,consent,${VISITOR},2026-11-30T23:59:00.000\\+01:00,"necessary,statistics,marketing",1,2026-11-24,,,,,,0{64},[0-9a-f]{64}$`,
      ),
    );
    expect(lines.slice(2)).toEqual(['']);
  });

  it('GET /export refuses a period it cannot read', async () => {
    for (const [query, message] of [
      ['', /"from" and "to"/],
      ['?from=2026-12-01', /"from" and "to"/],
      ['?from=2026-12-01&to=2026-02-30', /"from" and "to"/],
      ['?from=2026-12-02&to=2026-12-01', /must not be after/],
      ['?from=2026-12-01&to=2026-12-02&format=xml', /csv or json/],
    ] as const) {
      const response = await staffGet(service.url, `/export${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
  });
});

describe('the staff lookup and the export, for every record', () => {
  const db = tempDb();
  const CHOOSER = '1a2b3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7';
  let service: Service;
  beforeAll(async () => {
    await seed(db, [
      { receivedAt: '2000-01-01T00:00:00.000Z' },
      {
        receivedAt: '2026-12-01T10:00:00.000Z',
        beacon: { consentId: CHOOSER, action: 'accept_all', layer: 'banner', bannerHash: '0123456789abcdef' },
      },
      {
        receivedAt: '2026-12-01T10:05:00.000Z',
        beacon: {
          consentId: CHOOSER,
          event: 'change',
          categories: ['necessary'],
          action: 'custom',
          layer: 'preferences',
          bannerHash: 'fedcba9876543210',
        },
      },
      // The last instant a day can name: the export's upper bound must still reach it.
      { receivedAt: '9999-12-31T23:59:59.999Z' },
    ]);
    service = await startService(db, { CONSENT_LOG_SITE: 'https://example.se' });
  });
  afterAll(() => service.stop());

  it('GET /export with to=9999-12-31 returns every record', async () => {
    for (const from of ['1970-01-01', '2000-01-01']) {
      const json = (await (await staffGet(service.url, `/export?from=${from}&to=9999-12-31`)).json()) as {
        id: number;
      }[];
      expect(json.map((record) => record.id)).toEqual([1, 2, 3, 4]);
    }
    const last = (await (await staffGet(service.url, '/export?from=9999-12-31&to=9999-12-31')).json()) as {
      id: number;
    }[];
    expect(last.map((record) => record.id)).toEqual([4]);
    const csv = await (await staffGet(service.url, '/export?from=1970-01-01&to=9999-12-31&format=csv')).text();
    expect(csv.split('\r\n')).toHaveLength(1 + 4 + 1);
  });

  it('GET /samtycke/<consentId> shows how each choice was made, and where the words behind its hash are published', async () => {
    const records = (await (await staffGet(service.url, `/samtycke/${CHOOSER}`)).json()) as Record<string, unknown>[];
    expect(records).toEqual([
      expect.objectContaining({
        action: 'accept_all',
        layer: 'banner',
        bannerHash: '0123456789abcdef',
        bannerText: 'https://example.se/samtycke/texter/0123456789abcdef.json',
      }),
      expect.objectContaining({
        action: 'custom',
        layer: 'preferences',
        bannerHash: 'fedcba9876543210',
        bannerText: 'https://example.se/samtycke/texter/fedcba9876543210.json',
      }),
    ]);
    const csv = await (await staffGet(service.url, '/export?from=2026-12-01&to=2026-12-01&format=csv')).text();
    expect(csv.split('\r\n')[1]).toMatch(/,0123456789abcdef,accept_all,banner,/);
  });
});

describe('without a token of at least 32 characters', () => {
  for (const [what, token, reason] of [
    ['a short token', 'too-short-0123456789', /CONSENT_LOG_TOKEN is shorter than 32 characters/],
    ['no token', '', /CONSENT_LOG_TOKEN is not set/],
  ] as const) {
    it(`${what}: the staff endpoints are not started, the service says so, and beacons are still received`, async () => {
      const service = await startService(tempDb(), { CONSENT_LOG_TOKEN: token });
      try {
        await expect.poll(service.output).toMatch(/Staff endpoints are OFF/);
        expect(service.output()).toMatch(reason);
        for (const path of [`/samtycke/${VISITOR}`, '/export?from=2026-11-01&to=2026-12-31']) {
          expect((await staffGet(service.url, path, token)).status).toBe(404);
        }
        expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
      } finally {
        await service.stop();
      }
    });
  }
});
