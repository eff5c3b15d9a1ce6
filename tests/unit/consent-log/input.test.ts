import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beaconFields,
  countRecords,
  ORIGIN,
  readRows,
  sendBeacon,
  startService,
  tempDb,
  type Service,
} from './service';

describe('beacons the site sends', () => {
  const db = tempDb();
  let service: Service;
  beforeAll(async () => {
    service = await startService(db);
  });
  afterAll(() => service.stop());

  it('stores today’s beacon with its receive time, and NULL for the fields it does not send', async () => {
    const fields = beaconFields({ categories: 'necessary,statistics' });
    const before = new Date().toISOString();
    const response = await sendBeacon(service.url, fields);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const [row] = readRows(db).filter((candidate) => candidate['consent_id'] === fields['consentId']);
    expect(row).toMatchObject({
      event: 'consent',
      visitor_time: fields['time'],
      categories: 'necessary,statistics',
      cookie_policy_version: '1',
      cookie_policy_effective: '2026-11-24',
      revision: null,
      gpc: null,
      banner_hash: null,
      action: null,
      layer: null,
    });
    expect(String(row!['received_at']) >= before).toBe(true);
    expect(row!['hash']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores the revision, GPC and banner hash when the site sends them', async () => {
    const fields = beaconFields({ event: 'change', revision: '3', gpc: 'true', bannerHash: '0123456789abcdef' });
    expect((await sendBeacon(service.url, fields)).status).toBe(204);
    const [row] = readRows(db).filter((candidate) => candidate['consent_id'] === fields['consentId']);
    expect(row).toMatchObject({ event: 'change', revision: 3, gpc: 1, banner_hash: '0123456789abcdef' });
  });

  it('stores how the choice was made and in which layer, for every action and layer', async () => {
    for (const action of ['accept_all', 'reject_all', 'custom', 'withdraw']) {
      for (const layer of ['banner', 'preferences']) {
        const fields = beaconFields({ action, layer, bannerHash: 'fedcba9876543210' });
        expect((await sendBeacon(service.url, fields)).status, `${action} ${layer}`).toBe(204);
        const [row] = readRows(db).filter((candidate) => candidate['consent_id'] === fields['consentId']);
        expect(row).toMatchObject({ action, layer, banner_hash: 'fedcba9876543210' });
      }
    }
  });

  it('answers a CORS preflight for a configured origin, and only for one', async () => {
    const preflight = (origin: string) =>
      fetch(`${service.url}/samtycke`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST');
    const refused = await preflight('https://elsewhere.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** POSTs a body of `size` bytes without announcing its length, in chunks. */
function postChunked(url: string, size: number): Promise<number> {
  return new Promise((done, fail) => {
    const outgoing = request(`${url}/samtycke`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    outgoing.on('response', (response) => {
      response.resume();
      done(response.statusCode ?? 0);
    });
    outgoing.on('error', fail);
    const body = new URLSearchParams(beaconFields({ bannerHash: 'f'.repeat(size) })).toString();
    for (let at = 0; at < body.length; at += 512) outgoing.write(body.slice(at, at + 512));
    outgoing.end();
  });
}

describe('bad input and abuse: a 4xx with a short message, nothing stored, and the service keeps serving', () => {
  const db = tempDb();
  let service: Service;
  beforeAll(async () => {
    service = await startService(db);
  });
  afterAll(() => service.stop());

  const form = (changes: Record<string, string | undefined>) => new URLSearchParams(beaconFields(changes)).toString();
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    ['a body over 2 KB', () => sendBeacon(service.url, form({ bannerHash: 'f'.repeat(2100) })), 413, /2048 bytes/],
    [
      'a wrong content type (JSON)',
      () => sendBeacon(service.url, JSON.stringify(beaconFields()), { 'Content-Type': 'application/json' }),
      415,
      /x-www-form-urlencoded/,
    ],
    [
      'a wrong content type (text)',
      () => sendBeacon(service.url, form({}), { 'Content-Type': 'text/plain;charset=UTF-8' }),
      415,
      /x-www-form-urlencoded/,
    ],
    [
      'a charset other than UTF-8',
      () => sendBeacon(service.url, form({}), { 'Content-Type': 'application/x-www-form-urlencoded; charset=latin1' }),
      415,
      /x-www-form-urlencoded/,
    ],
    ...(['event', 'consentId', 'time', 'categories', 'cookiePolicyVersion', 'cookiePolicyEffective'].map((field) => [
      `no ${field}`,
      () => sendBeacon(service.url, form({ [field]: undefined })),
      400,
      new RegExp(`missing "${field}"`),
    ]) as [string, () => Promise<Response>, number, RegExp][]),
    ['a consent ID that is not a UUID', () => sendBeacon(service.url, form({ consentId: '12345' })), 400, /UUID/],
    [
      'an unknown category',
      () => sendBeacon(service.url, form({ categories: 'necessary,advertising' })),
      400,
      /unknown category "advertising"/,
    ],
    ['no category', () => sendBeacon(service.url, form({ categories: '' })), 400, /at least one/],
    [
      'an unknown action',
      () => sendBeacon(service.url, form({ action: 'accept' })),
      400,
      /"action" must be one of accept_all, reject_all, custom, withdraw/,
    ],
    [
      'an unknown layer',
      () => sendBeacon(service.url, form({ layer: 'modal' })),
      400,
      /"layer" must be one of banner, preferences/,
    ],
    ['a category twice', () => sendBeacon(service.url, form({ categories: 'necessary,necessary' })), 400, /twice/],
    ['a time that is not a time', () => sendBeacon(service.url, form({ time: 'igår' })), 400, /"time"/],
    [
      'a time on a day that does not exist',
      () => sendBeacon(service.url, form({ time: '2026-02-30T10:00:00.000Z' })),
      400,
      /"time"/,
    ],
    [
      'an effective date that is not a date',
      () => sendBeacon(service.url, form({ cookiePolicyEffective: '2026-13-01' })),
      400,
      /"cookiePolicyEffective"/,
    ],
    [
      'an event that is not consent or change',
      () => sendBeacon(service.url, form({ event: 'withdraw' })),
      400,
      /consent or change/,
    ],
    [
      'a version label a spreadsheet would run',
      () => sendBeacon(service.url, form({ cookiePolicyVersion: '=HYPERLINK("x")' })),
      400,
      /version label/,
    ],
    [
      'a revision that is not a positive integer',
      () => sendBeacon(service.url, form({ revision: '0' })),
      400,
      /"revision"/,
    ],
    ['a GPC flag that is not true or false', () => sendBeacon(service.url, form({ gpc: 'yes' })), 400, /"gpc"/],
    [
      'a banner hash that is not 16 hex digits',
      () => sendBeacon(service.url, form({ bannerHash: 'ABC' })),
      400,
      /"bannerHash"/,
    ],
    ['an unknown field', () => sendBeacon(service.url, `${form({})}&ip=192.0.2.1`), 400, /unknown field "ip"/],
    ['a field sent twice', () => sendBeacon(service.url, `${form({})}&event=change`), 400, /"event" is sent twice/],
    [
      'an Origin not in CONSENT_LOG_ORIGINS',
      () => sendBeacon(service.url, form({}), { Origin: 'https://elsewhere.example' }),
      403,
      /origin may not/,
    ],
    ['no Origin', () => sendBeacon(service.url, form({}), { Origin: '' }), 403, /Origin header is required/],
    ['a GET', () => fetch(`${service.url}/samtycke`, { headers: { Origin: ORIGIN } }), 405, /POST/],
  ];

  for (const [what, send, status, message] of cases) {
    it(what, async () => {
      const response = await send();
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
      expect(countRecords(db)).toBe(0);
    });
  }

  it('a body over 2 KB sent without a length', async () => {
    expect(await postChunked(service.url, 2100)).toBe(413);
    expect(countRecords(db)).toBe(0);
  });

  it('after all that, it still stores a sound beacon', async () => {
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
    expect(countRecords(db)).toBe(1);
  });
});

describe('more requests a minute than configured, from one client', () => {
  const db = tempDb();
  let service: Service;
  beforeAll(async () => {
    service = await startService(db, { CONSENT_LOG_RATE_LIMIT: '3', CONSENT_LOG_TRUST_PROXY: 'true' });
  });
  afterAll(() => service.stop());

  it('are refused with 429 and stored nowhere, while other clients are still served', async () => {
    const from = (address: string) => ({ 'X-Forwarded-For': `198.51.100.7, ${address}` });
    for (let i = 0; i < 3; i++)
      expect((await sendBeacon(service.url, beaconFields(), from('192.0.2.1'))).status).toBe(204);
    const refused = await sendBeacon(service.url, beaconFields(), from('192.0.2.1'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Too many requests/);
    expect(countRecords(db)).toBe(3);

    expect((await sendBeacon(service.url, beaconFields(), from('192.0.2.2'))).status).toBe(204);
    expect(countRecords(db)).toBe(4);
  });

  it('never writes the client’s address anywhere in the database', () => {
    const files = [db, `${db}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file, 'latin1'));
    expect(files.join('')).toContain(String(readRows(db)[0]!['consent_id']));
    for (const address of ['192.0.2', '198.51.100']) expect(files.join('')).not.toContain(address);
  });
});
