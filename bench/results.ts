// What one benchmark run measured: one entry per part that ran.
import type { AcceptComparison } from './acceptClick.ts';
import type { ConsentLogFigures } from './consentLog.ts';
import type { Returning } from './interaction.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { PagesSiteName } from './pagesSite.ts';
import type { PageWeight } from './pageWeights.ts';
import type { ScaleResult } from './scale.ts';
import type { ScanFigures } from './scan.ts';

/** The page measurements of one build; a part left out with --only is absent. */
export interface SiteResults {
  weight?: PageWeight[];
  returning?: Returning[];
  accept?: AcceptComparison;
  lighthouse?: LighthouseResult[];
}

/** The figures of every part that ran; a part left out with --only is absent. */
export interface Results {
  /** Per build measured (`--sites`), in the order measured. */
  sites?: Partial<Record<PagesSiteName, SiteResults>>;
  scale?: ScaleResult[];
  scan?: ScanFigures;
  consentLog?: ConsentLogFigures;
  /** The parts that failed, each with its error. */
  failed?: string[];
}
