// The local production build, for a scan without a URL: built (./build.ts) and
// served the way a real host serves it (./staticHost.ts), with the tools'
// stand-ins (../standins/server.ts) one port up.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ScanInputError } from '../errors.ts';
import { ensureBuild } from './build.ts';
import { serveStatic } from '../../static-host/staticHost.ts';

const STANDINS_SCRIPT = join(import.meta.dirname, '../standins/server.ts');

/** The site listens here and the stand-ins one port up; `SCAN_PORT` moves both. */
export const DEFAULT_PORT = 4470;

/** Whether nothing listens on `port` yet. */
function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** Starts the stand-ins on `port` and resolves once they answer. */
async function startStandins(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [STANDINS_SCRIPT, String(port)], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`http://127.0.0.1:${port}/requests`);
      return child;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  child.kill();
  throw new ScanInputError(`The tools' stand-ins did not start on port ${port}.`);
}

/**
 * Builds the site if needed, serves it with the stand-ins, runs `scan` on its
 * origin and stops both.
 */
export async function withLocalSite<T>(
  scan: (origin: string) => Promise<T>,
  {
    log = () => {},
    port = Number(process.env['SCAN_PORT'] || DEFAULT_PORT),
  }: { log?: (message: string) => void; port?: number } = {},
): Promise<T> {
  for (const candidate of [port, port + 1]) {
    if (!(await portFree(candidate))) {
      throw new ScanInputError(
        `Port ${candidate} is in use: set SCAN_PORT to another port (the scan uses it and the next).`,
      );
    }
  }
  const standinsOrigin = `http://127.0.0.1:${port + 1}`;
  const folder = await ensureBuild(standinsOrigin, log);
  const standins = await startStandins(port + 1);
  const server = await serveStatic(folder, port);
  try {
    // localhost, not 127.0.0.1: the stand-ins must be another site, as the real tools are.
    return await scan(`http://localhost:${port}`);
  } finally {
    server.close();
    standins.kill();
  }
}
