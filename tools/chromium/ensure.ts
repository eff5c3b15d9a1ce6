// Makes sure the browser tests, the scan and the bench have a Chromium. Playwright's own download
// is not always reachable, so where one is missing and we may install packages (root on Debian or
// Ubuntu), the distribution's are installed instead: `chromium`, the full browser the bench
// measures in, and `chromium-headless-shell`, the lighter one the tests and the scan drive.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, SYSTEM_HEADLESS_SHELL } from './find.ts';

const override = process.env['CHROMIUM_PATH'];
if (override) {
  if (!existsSync(override)) {
    console.error(`CHROMIUM_PATH points at ${override}, which does not exist.`);
    process.exit(1);
  }
  process.exit(0);
}

const found = findChromium();
const missing = [
  ...(found ? [] : ['chromium']),
  ...(existsSync(SYSTEM_HEADLESS_SHELL) ? [] : ['chromium-headless-shell']),
];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  // The full browser does everything the headless shell does, only with more work.
  if (found) process.exit(0);
  console.error(
    'No Chromium found for the browser tests. Install one with `npx playwright install chromium` ' +
      'or your system package manager (Debian: `sudo apt-get install chromium chromium-headless-shell`), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

console.log(`Installing Debian’s ${missing.join(' and ')} for the browser tests…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', ...missing],
]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(1);
  }
}
if (!findChromium() || !existsSync(SYSTEM_HEADLESS_SHELL)) {
  console.error(`${missing.join(' and ')} installed, but /usr/bin/chromium or ${SYSTEM_HEADLESS_SHELL} is missing.`);
  process.exit(1);
}
