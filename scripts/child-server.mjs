// Starts a Node server as a child process on a free port and waits until it says
// where it listens ("listening on http://localhost:<port>/", as the consent log
// does). Shared by the consent log's tests and its benchmark.
import { spawn } from 'node:child_process';

/**
 * Runs `node <args>` with `env` as its whole environment, plus PORT=0.
 * @param {string[]} args
 * @param {Record<string, string | undefined>} env
 * @returns {Promise<{
 *   child: import('node:child_process').ChildProcess;
 *   url: string;
 *   output: () => string;
 *   stop: () => Promise<void>;
 * }>} `output` is all it has written so far; `stop` sends SIGTERM and waits for the exit.
 */
export function startChildServer(args, env) {
  const child = spawn(process.execPath, args, { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  /** @type {Promise<void>} */
  const exited = new Promise((done) => child.on('exit', () => done()));
  return new Promise((done, fail) => {
    /** @param {Buffer} chunk */
    const collect = (chunk) => {
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
