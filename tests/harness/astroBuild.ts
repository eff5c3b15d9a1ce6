/**
 * Builds without fights over `.astro/`: Astro writes the content it is building or serving into
 * the project's `.astro/`, which two builds, or a build and a dev server, would fight over.
 * Builds of the real project and dev starts take turns through a lock (a folder only one
 * process can make); the browser tests' builds run in copies of the project, each with an
 * `.astro/` of its own, so that they never wait for the web editor's dev servers, nor these
 * for them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const LOCK = join(ROOT, '.astro-build.lock');
const WAIT_MS = 200;

/** Takes the lock if it is free (or its holder is gone); true if taken. */
function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
  } catch {
    const holder = lockHolder();
    if (holder && !isAlive(holder)) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(LOCK, 'pid'), String(process.pid));
  return true;
}

/** The process that holds the lock, or 0 while it is still writing its name. */
function lockHolder(): number {
  try {
    return Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    return 0;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const unlock = () => rmSync(LOCK, { recursive: true, force: true });

/** Runs `work` holding the lock, waiting for it without blocking the event loop. */
export async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  while (!tryLock()) await new Promise((done) => setTimeout(done, WAIT_MS));
  try {
    return await work();
  } finally {
    unlock();
  }
}

/** Runs `work` holding the lock: for a build started with `spawnSync`. */
export function withBuildLockSync<T>(work: () => T): T {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!tryLock()) Atomics.wait(sleeper, 0, 0, WAIT_MS);
  try {
    return work();
  } finally {
    unlock();
  }
}

/**
 * `astro build` of `project` (the real one by default) with `env` on top of this process's
 * environment, run to its end. Vitest's own import.meta.env (MODE=test, DEV=1, …), which it
 * puts into process.env, is left out; the build of the real project holds the lock.
 */
export function astroBuildSync(
  env: Record<string, string>,
  project: string = ROOT,
): { status: number | null; stdout: string; stderr: string } {
  const { MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, BASE_URL: _base, ...inherited } = process.env;
  const build = () =>
    spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
      cwd: project,
      encoding: 'utf8',
      // A line per page: thousands of them at scale.
      maxBuffer: 64 * 1024 * 1024,
      env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', NODE_ENV: 'production', ...env },
    });
  // A copy of the project has an `.astro/` of its own.
  return project === ROOT ? withBuildLockSync(build) : build();
}

/**
 * A copy of the project (its site, configuration and content; node_modules linked), with
 * `edit` applied to it: to build the site changed without touching the real one, or to build
 * beside the real one's builds, since the copy has an `.astro/` of its own. In a new temporary
 * folder, or made afresh at `where`.
 */
export function projectCopy(edit: (project: string) => void = () => {}, where?: string): string {
  if (where) {
    rmSync(where, { recursive: true, force: true });
    mkdirSync(where, { recursive: true });
  }
  const project = where ?? mkdtempSync(join(tmpdir(), 'project-copy-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  edit(project);
  return project;
}
