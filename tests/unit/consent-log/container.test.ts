/**
 * The container starts: the service runs from exactly the files its Dockerfile
 * copies, in an empty folder, with the Dockerfile's environment and command.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';
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
    const child = spawn(process.execPath, args, {
      cwd: app,
      env: { ...env, PORT: '0', CONSENT_LOG_DB: join(app, 'data', 'consent-log.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const port = await new Promise<string>((done, fail) => {
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
          const found = /listening on http:\/\/localhost:(\d+)\//.exec(output)?.[1];
          if (found) done(found);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.on('exit', (code) => fail(new Error(`the service exited (${code}) before listening:\n${output}`)));
      });
      const response = await sendBeacon(`http://127.0.0.1:${port}`, beaconFields());
      expect(response.status).toBe(204);
    } finally {
      child.kill('SIGTERM');
    }
  },
);
