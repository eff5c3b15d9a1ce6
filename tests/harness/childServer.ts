// Starts a Node server as a child process on a free port and waits until it says
// where it listens ("listening on http://localhost:<port>/", as the consent log
// does). Shared by the consent log's tests and its benchmark.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A server started by `startChildServer`. */
export interface ChildServer {
  child: ChildProcess;
  /** Where it listens, as http://127.0.0.1:<port>. */
  url: string;
  /** All it has written to stdout and stderr so far. */
  output: () => string;
  /** Sends SIGTERM and waits for the exit. */
  stop: () => Promise<void>;
}

/**
 * Runs `node <args>` with `env` as its whole environment, plus PORT=0; `options` may give
 * it a working folder or another user.
 */
export function startChildServer(
  args: string[],
  env: Record<string, string | undefined>,
  options: Pick<SpawnOptions, 'cwd' | 'uid' | 'gid'> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, args, {
    ...options,
    env: { ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return new Promise((done, fail) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (!port) return;
      done({
        child,
        url: `http://127.0.0.1:${port}`,
        output: () => output,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => fail(new Error(`node ${args.join(' ')} exited (${code}) before listening:\n${output}`)));
  });
}
