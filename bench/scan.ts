// The cookie scan: every page in every consent state, as `npm run scan` does it,
// against the local production build.
import { withLocalSite } from '../tools/cookie-scan/local/localSite.ts';
import { scanSite } from '../tools/cookie-scan/scan.ts';
import { log, PORT } from './shared.ts';

/** What the scan covered, how long it took, and what it found. */
export interface ScanFigures {
  pages: number;
  states: number;
  /** Pages read, counting the extra read right after each withdrawal. */
  visits: number;
  seconds: number;
  errors: number;
  warnings: number;
  browser: string;
}

/** Scans the local build (built first if needed) on PORT + 2, with the tools' stand-ins on the port after. */
export async function measureScan(): Promise<ScanFigures> {
  log('cookie scan of the local build…');
  const result = await withLocalSite((origin) => scanSite({ url: origin, log: (message) => log(`  ${message}`) }), {
    log: (message) => log(`  ${message}`),
    port: PORT + 2,
  });
  const count = (severity: string) => result.findings.filter((finding) => finding.severity === severity).length;
  log(`  ${result.seconds.toFixed(1)} s`);
  return {
    pages: result.pages.length,
    states: result.states.length,
    visits: result.states.reduce((sum, state) => sum + state.snapshots.length, 0),
    seconds: result.seconds,
    errors: count('error'),
    warnings: count('warning'),
    browser: result.browser,
  };
}
