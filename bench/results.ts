// What one benchmark run measured: one entry per part that ran.
import type { ConsentLogFigures } from './consentLog.ts';
import type { Returning } from './interaction.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { PageWeight } from './pageWeights.ts';
import type { ScaleResult } from './scale.ts';
import type { ScanFigures } from './scan.ts';

/** The figures of every part that ran; a part left out with --only is absent. */
export interface Results {
  weight?: PageWeight[];
  returning?: Returning[];
  lighthouse?: LighthouseResult[];
  scale?: ScaleResult[];
  scan?: ScanFigures;
  consentLog?: ConsentLogFigures;
}
