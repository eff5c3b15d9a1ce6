/**
 * The container starts: the service runs from exactly the files its Dockerfile
 * copies, in an empty folder, with the Dockerfile's environment and command.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { startChildServer } from '../../harness/childServer.ts';
import { beaconFields, sendBeacon, tempDb } from './service';

const ROOT = resolve(import.meta.dirname, '../../..');
const DOCKERFILE = readFileSync(join(ROOT, 'services/consent-log/Dockerfile'), 'utf8');

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
const instructions = DOCKERFILE.replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const arguments_ = (keyword: string): string[] =>
  instructions.filter((line) => line.startsWith(`${keyword} `)).map((line) => line.slice(keyword.length + 1).trim());

it('the base image names the exact Node version the project pins', () => {
  const [from] = arguments_('FROM');
  const pinned = JSON.parse(readFileSync(join(ROOT, 'node_modules/node/package.json'), 'utf8')) as { version: string };
  expect(from).toBe(`node:${pinned.version}-slim`);
});

it(
  'started from exactly the files the Dockerfile copies, the service takes a beacon',
  { timeout: 30_000 },
  async () => {
    const app = dirname(dirname(tempDb()));
    for (const copy of arguments_('COPY')) {
      const [source, target] = copy.split(/\s+/) as [string, string];
      mkdirSync(dirname(join(app, target)), { recursive: true });
      cpSync(join(ROOT, source), join(app, target), { recursive: true });
    }
    const env: Record<string, string> = {};
    for (const line of arguments_('ENV')) {
      for (const [, name, value] of line.matchAll(/(\w+)=(\S+)/g)) env[name!] = value!;
    }
    const [node, ...args] = JSON.parse(arguments_('CMD').at(-1)!) as string[];
    expect(node).toBe('node');
    // Everything as in the image, except a free port and a database in the test's folder.
    const service = await startChildServer(
      args,
      { ...env, CONSENT_LOG_DB: join(app, 'data', 'consent-log.sqlite') },
      { cwd: app },
    );
    try {
      const response = await sendBeacon(service.url, beaconFields());
      expect(response.status).toBe(204);
    } finally {
      await service.stop();
    }
  },
);

it('the image installs the same pg the tests run: the service lists it, and its lock pins the version the project locks', () => {
  const service = JSON.parse(readFileSync(join(ROOT, 'services/consent-log/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const project = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  type Lock = { packages: Record<string, { version: string }> };
  const serviceLock = JSON.parse(readFileSync(join(ROOT, 'services/consent-log/package-lock.json'), 'utf8')) as Lock;
  const projectLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  expect(Object.keys(service.dependencies)).toEqual(['pg']);
  expect(project.dependencies['pg']).toBe(service.dependencies['pg']);
  expect(serviceLock.packages['node_modules/pg']!.version).toBe(projectLock.packages['node_modules/pg']!.version);
  expect(arguments_('COPY').map((copy) => copy.split(/\s+/)[0])).toContain('services/consent-log/package-lock.json');
  expect(arguments_('RUN').join('\n')).toMatch(/npm ci --omit=dev .*--prefix services\/consent-log/);
});
