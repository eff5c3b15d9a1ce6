/**
 * `npm run scan -- [URL] [--json FILE] [--report FILE] [--workers N] [--states LIST]`, or
 * `node tools/cookie-scan/cli.ts …`
 *
 * Proves in Chromium that a site stores exactly what its cookie policy
 * declares: every page of its sitemap, in every consent state, held against
 * the declaration the site publishes at /cookiepolicy/deklaration.json.
 * Exit 0: no errors (warnings allowed). Exit 1: errors. Exit 2: no scan could
 * be made (bad input, unreachable site, no sitemap or declaration).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ScanInputError } from './errors.ts';
import { withLocalSite } from './local/localSite.ts';
import { htmlReport } from './report/html.ts';
import { progressLine, summary } from './report/text.ts';
import { scanSite } from './scan.ts';

const USAGE = `Usage: npm run scan -- [URL] [--json FILE] [--report FILE] [--workers N] [--states LIST]

Visits every page in the site's sitemap in Chromium, in each consent state (no
choice, Avvisa alla, each optional category alone, Acceptera alla, and each
category withdrawn after accepting all), and compares every cookie, storage key,
database and request with the declaration the site publishes at
/cookiepolicy/deklaration.json.

  URL             The site to scan, such as https://techtroopers.com. Without it,
                  the local production build is scanned (built first if needed),
                  with the tools pointed at local stand-ins.
  --json FILE     Write every observation and finding as JSON.
  --report FILE   Write a self-contained HTML report, in Swedish.
  --workers N     States scanned at once (default 4).
  --states LIST   Only these states, comma-separated, such as none,all or
                  withdrawn-statistics: a quick check of one fix. Without every
                  state, no entry is called "declared but never seen".
  -h, --help      Show this help.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the scan could
not be made. SCAN_PORT moves the local build's server (default 4470) and the
stand-ins (the next port).`;

const log = (message: string) => console.error(`[scan] ${message}`);

function write(file: string, text: string): void {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  log(`written: ${path}`);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        report: { type: 'string' },
        workers: { type: 'string' },
        states: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ScanInputError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new ScanInputError(`Give one URL at most.\n\n${USAGE}`);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers > 0)) {
    throw new ScanInputError(`--workers must be a whole number above 0, got "${values.workers}".`);
  }
  const states = values.states?.split(',').map((id) => id.trim());
  if (states && (states.length === 0 || states.includes(''))) {
    throw new ScanInputError(`--states takes state names separated by commas, got "${values.states}".`);
  }
  const run = (url: string) =>
    scanSite({
      url,
      log,
      ...(workers ? { workers } : {}),
      ...(states ? { states } : {}),
      onPage: (state, snapshot, declaration) => log(progressLine(state, snapshot, declaration)),
    });
  const [url] = positionals;
  const result = url ? await run(url) : await withLocalSite(run, { log });
  console.log(summary(result));
  if (values.json) write(values.json, `${JSON.stringify(result, null, 2)}\n`);
  if (values.report) write(values.report, htmlReport(result));
  return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof ScanInputError)) throw error;
  console.error(`scan: ${error.message}`);
  process.exitCode = 2;
}
