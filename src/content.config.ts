import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { policyVersionSchema, type PolicyVersionData } from './lib/schema';
import { assertUniqueDates } from './lib/versions';

/**
 * Where the policy versions live. `POLICIES_DIR` points a build at another
 * content set (the test fixtures, the benchmark's generated versions).
 */
const policiesDir = process.env['POLICIES_DIR'] ?? './src/content/policies';

/**
 * The glob loader, plus the checks that span files: they run while content is
 * loaded, so a bad set of versions stops the build before any page is written.
 */
function policyVersionsLoader(): Loader {
  const files = glob({ pattern: '**/*.mdx', base: policiesDir });
  return {
    name: 'policy-versions',
    load: async (context) => {
      await files.load(context);
      const versions = [...context.store.values()].map((entry) => ({
        ...(entry.data as PolicyVersionData),
        source: entry.filePath ?? entry.id,
      }));
      assertUniqueDates(versions);
    },
  };
}

export const collections = {
  policies: defineCollection({ loader: policyVersionsLoader(), schema: policyVersionSchema }),
};
