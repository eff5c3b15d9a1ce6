// Makes sure the browser tests have a Chromium. Playwright's own download is
// not always reachable, so where none is found and we may install packages
// (root on Debian or Ubuntu), the distribution's `chromium` is installed instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find.ts';

const found = findChromium();
if (found) {
  if (!existsSync(found)) {
    console.error(`CHROMIUM_PATH points at ${found}, which does not exist.`);
    process.exit(1);
  }
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(
    'No Chromium found for the browser tests. Install one with `npx playwright install chromium` ' +
      'or your system package manager (Debian: `sudo apt-get install chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

console.log('No Chromium found: installing Debian’s chromium package for the browser tests…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(1);
  }
}
if (!findChromium()) {
  console.error('chromium was installed but no binary was found at /usr/bin/chromium.');
  process.exit(1);
}
