import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Type tests (`*.test-d.ts`), checked by tsc with only them and what they import.
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: 'tests/tsconfig.typecheck.json' },
    testTimeout: 20_000,
    // Both cores: the tests that build take turns on Astro's .astro/ (tests/harness/astroBuild.ts).
    maxWorkers: 2,
  },
});
