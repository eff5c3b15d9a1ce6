import { chmodSync, closeSync, openSync, statSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { startChildServer } from '../../harness/childServer.ts';
import { beaconFields, runCli, seed, sendBeacon, startService, tempDb, TOKEN } from './service';

const CLI = resolve(import.meta.dirname, '../../../services/consent-log/src/cli.ts');
const records = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ receivedAt: new Date(Date.UTC(2026, 0, 1) + index).toISOString() }));

/** Overwrites a stretch of the file's pages past the first (the schema), as a failing disk would. */
function corrupt(db: string): void {
  const size = statSync(db).size;
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

/** Milliseconds until the server closes a connection that sends `data` and then nothing. */
function closedAfter(url: string, data = ''): Promise<number> {
  const { port } = new URL(url);
  const started = performance.now();
  return new Promise((done) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(data));
    socket.on('error', () => undefined);
    socket.on('close', () => done(performance.now() - started));
    socket.resume();
  });
}

it('GET and HEAD /health answer 200 when healthy', async () => {
  const service = await startService(tempDb());
  try {
    const get = await fetch(`${service.url}/health`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ status: 'ok' });
    const head = await fetch(`${service.url}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  } finally {
    await service.stop();
  }
});

it('/health answers 503 on a database it cannot write to', { timeout: 30_000 }, async () => {
  const db = tempDb();
  await seed(db, records(3));
  // The file is the service's to read, not to write: root writes anyway, so the service runs as nobody.
  chmodSync(dirname(db), 0o777);
  chmodSync(dirname(dirname(db)), 0o755);
  chmodSync(db, 0o444);
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const service = await startChildServer([CLI], { CONSENT_LOG_DB: db, CONSENT_LOG_TOKEN: TOKEN }, asNobody);
  const port = new URL(service.url).port;
  try {
    for (const method of ['GET', 'HEAD']) {
      const response = await fetch(`http://127.0.0.1:${port}/health`, { method });
      expect(response.status, method).toBe(503);
    }
    const body = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { status: string; problem: string };
    expect(body).toEqual({ status: 'failing', problem: expect.stringMatching(/readonly/) });
    expect((await sendBeacon(`http://127.0.0.1:${port}`, beaconFields())).status).toBe(500);
    expect(service.output()).not.toMatch(/\n\s+at /);
  } finally {
    await service.stop();
  }
});

it(
  '/health answers 503 on a corrupt database, and verify exits with a one-line reason',
  { timeout: 30_000 },
  async () => {
    const db = tempDb();
    await seed(db, records(3000));
    corrupt(db);
    const verify = await runCli(db, ['verify']);
    expect(verify.status).not.toBe(0);
    expect(verify.stderr.trim().split('\n')).toEqual([expect.stringMatching(/malformed|corrupt|not a database/i)]);
    const service = await startService(db);
    try {
      const response = await fetch(`${service.url}/health`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { problem: string }).problem).toMatch(/integrity check|malformed/);
    } finally {
      await service.stop();
    }
  },
);

it('an idle connection and a slow one are closed within 15 s, by default', { timeout: 40_000 }, async () => {
  const service = await startService(tempDb());
  try {
    const [idle, slow] = await Promise.all([
      closedAfter(service.url),
      closedAfter(service.url, 'POST /samtycke HTTP/1.1\r\nHost: x\r\n'),
    ]);
    expect(idle).toBeLessThan(15_000);
    expect(slow).toBeLessThan(15_000);
  } finally {
    await service.stop();
  }
});

it('the timeouts can be set shorter; so can the connection cap', { timeout: 30_000 }, async () => {
  const service = await startService(tempDb(), {
    CONSENT_LOG_HEADERS_TIMEOUT: '1000',
    CONSENT_LOG_REQUEST_TIMEOUT: '1000',
    CONSENT_LOG_MAX_CONNECTIONS: '2',
  });
  try {
    expect(await closedAfter(service.url)).toBeLessThan(3500);
    const { port } = new URL(service.url);
    const held = [connect(Number(port), '127.0.0.1'), connect(Number(port), '127.0.0.1')];
    for (const socket of held) socket.on('error', () => undefined);
    await new Promise((resume) => setTimeout(resume, 200));
    // The third is closed at once.
    expect(await closedAfter(service.url)).toBeLessThan(500);
    for (const socket of held) socket.destroy();
  } finally {
    await service.stop();
  }
});

it('SIGTERM ends idle and slow connections within 10 s', { timeout: 30_000 }, async () => {
  const service = await startService(tempDb(), {
    CONSENT_LOG_HEADERS_TIMEOUT: '10000',
    CONSENT_LOG_REQUEST_TIMEOUT: '10000',
  });
  const { port } = new URL(service.url);
  const slow = connect(Number(port), '127.0.0.1', () => slow.write('POST /samtycke HTTP/1.1\r\nHost: x\r\n'));
  const idle = connect(Number(port), '127.0.0.1');
  for (const socket of [slow, idle]) socket.on('error', () => undefined);
  await new Promise((resume) => setTimeout(resume, 300));
  const started = performance.now();
  await service.stop();
  expect(performance.now() - started).toBeLessThan(10_000);
});

it('an aborted request is logged in one line, without a stack trace', { timeout: 30_000 }, async () => {
  const service = await startService(tempDb());
  try {
    const { port } = new URL(service.url);
    await new Promise<void>((done) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /samtycke HTTP/1.1\r\nHost: x\r\nOrigin: https://techtroopers.com\r\n' +
            'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nevent=consent',
        );
        setTimeout(() => {
          socket.destroy();
          done();
        }, 200);
      });
    });
    await expect
      .poll(service.output)
      .toMatch(/POST \/samtycke: the client closed the connection before it was answered\./);
    expect(service.output()).not.toMatch(/\n\s+at /);
    expect((await sendBeacon(service.url, beaconFields())).status).toBe(204);
  } finally {
    await service.stop();
  }
});
