import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that run long on one core, started first so that the other worker takes the short ones
 * beside them. Without it, a fresh clone (no record of earlier runs) sorts by file size and left
 * the thousand-version build, a short file, for last: a minute of one core alone at the end.
 */
const LONG_FIRST = [
  'tests/unit/scale.test.ts',
  'tests/unit/contentBuild.test.ts',
  'tests/unit/consent-log/prune.test.ts',
];

class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONG_FIRST.indexOf(
        relative(import.meta.dirname, file.moduleId)
          .split('\\')
          .join('/'),
      );
      return index === -1 ? LONG_FIRST.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Type tests (`*.test-d.ts`), checked by tsc with only them and what they import.
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: 'tests/tsconfig.typecheck.json' },
    testTimeout: 20_000,
    // Both cores: the tests that build take turns on Astro's .astro/ (tests/harness/astroBuild.ts).
    maxWorkers: 2,
    sequence: { sequencer: LongFirst },
  },
});
