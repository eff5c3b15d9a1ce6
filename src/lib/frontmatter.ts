const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/**
 * The text an editor wrote for a top-level frontmatter field, quotes removed,
 * before YAML interprets it. YAML turns an unquoted 2026-11-31 into 1 December
 * without a word, so a date is checked as written.
 */
export function rawFrontmatterValue(fileText: string, field: string): string | undefined {
  const frontmatter = FRONTMATTER.exec(fileText)?.[1];
  if (frontmatter === undefined) return undefined;
  const line = frontmatter.split(/\r?\n/).find((candidate) => candidate.startsWith(`${field}:`));
  if (line === undefined) return undefined;
  return line
    .slice(field.length + 1)
    .replace(/\s+#.*$/, '')
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2');
}
