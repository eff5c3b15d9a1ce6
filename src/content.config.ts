import { join, relative, resolve, sep } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { POLICY_IDS } from './lib/policyCatalog.ts';
import { undeclaredToolCookies } from './lib/consent/toolCatalog.ts';
import { uncoveredSystems } from './lib/privacy/register.ts';
import { includeDrafts, policiesDir, systems, today, tools } from './lib/buildSettings.ts';
import { existedInGit, readPolicyFiles, readRecord } from './lib/content/policyFiles.ts';
import { checkPublication, type CheckedVersion } from './lib/publication/refusals.ts';
import { RECORD_FILE } from './lib/publication/record.ts';
import { policyVersionSchema, type PolicyVersionData } from './lib/schema/index.ts';
import { assertUniqueDates, buildTimeline, publishedVersions } from './lib/versions.ts';

/**
 * The glob loader, plus the checks that span files or need the text as written.
 * They run while content loads, so a bad set of versions stops the build before
 * any page is written.
 */
function policyVersionsLoader(): Loader {
  const files = glob({ pattern: '**/*.mdx', base: policiesDir });
  return {
    name: 'policy-versions',
    load: async (context) => {
      // Astro keeps an unchanged entry's file path from the last run, even when POLICIES_DIR
      // pointed elsewhere then (a test's copy of the content, since deleted): forget those entries.
      const base = resolve(policiesDir);
      for (const entry of context.store.values()) {
        if (entry.filePath && !resolve(entry.filePath).startsWith(`${base}${sep}`)) context.store.delete(entry.id);
      }
      await files.load(context);
      // Each file as written, with its date checked against its name (YAML 1.1, as the schema
      // reads it, would silently turn 2026-11-31 into 1 December), and its SHA-256.
      const onDisk = new Map(readPolicyFiles(policiesDir).map((file) => [file.path, file]));
      const checked: CheckedVersion[] = [];
      const versions = [...context.store.values()].map((entry) => {
        const source = entry.filePath ?? entry.id;
        const data = entry.data as PolicyVersionData;
        const file = entry.filePath ? onDisk.get(resolve(entry.filePath)) : undefined;
        if (file) checked.push({ ...data, file: file.file, source, text: file.text, sha256: file.sha256 });
        return { ...data, source };
      });
      assertUniqueDates(versions);
      // Published versions stay as they were published, new ones cite current law, and a new privacy
      // policy version gives all that GDPR art. 13 asks, with consent for every configured tool. First, so
      // that a published version whose file is gone is named as such, even when it was its
      // policy's only one. The dev server says so and goes on, so that an editor can preview a
      // version before recording it.
      const recordSource = relative('.', join(policiesDir, RECORD_FILE));
      const { refusals } = checkPublication(
        checked,
        readRecord(policiesDir, recordSource),
        {
          recordSource,
          sourceOf: (file) => relative('.', join(policiesDir, file)),
          existedBefore: (file) => existedInGit(policiesDir, file) !== false,
        },
        { tools },
      );
      const messages = refusals.map(({ message }) => message);
      if (messages.length > 0 && !includeDrafts) throw new Error(messages.join('\n\n'));
      for (const message of messages) context.logger.warn(message);
      // Every policy needs a version in force on the build day.
      const published = publishedVersions(versions, includeDrafts);
      for (const policy of POLICY_IDS) buildTimeline(policy, published, today);
      // And every cookie a configured tool sets must be declared by the cookie policy in force.
      const cookiePolicy = buildTimeline('cookiepolicy', published, today).current.version;
      const undeclared = undeclaredToolCookies(tools, {
        categories: cookiePolicy.categories ?? [],
        cookies: cookiePolicy.cookies ?? [],
      });
      if (undeclared.length > 0) {
        throw new Error(
          `${undeclared.join('\n')}\nDeclare it in the cookie policy in force, ${cookiePolicy.source}, or publish a new version that does.`,
        );
      }
      // And where the privacy policy in force has a processing register, it covers every configured system.
      const privacyPolicy = buildTimeline('integritetspolicy', published, today).current.version;
      const uncovered = privacyPolicy.processing ? uncoveredSystems(systems, privacyPolicy.processing) : [];
      if (uncovered.length > 0) {
        throw new Error(
          `${uncovered.join('\n')}\nAdd an entry with that "tool" to the processing register of the privacy policy in force, ${privacyPolicy.source}, or publish a new version that does.`,
        );
      }
    },
  };
}

export const collections = {
  policies: defineCollection({ loader: policyVersionsLoader(), schema: policyVersionSchema }),
};
