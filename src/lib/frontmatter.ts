import { parse } from 'yaml';

/** The frontmatter block between `---` lines, and the body after it, byte for byte. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface SplitFile {
  /** The YAML between the `---` lines. */
  frontmatter: string;
  /** Everything after the closing `---` line, untouched. */
  body: string;
}

/** Splits a version file into its frontmatter and its body; undefined when it has no frontmatter. */
export function splitFrontmatter(fileText: string): SplitFile | undefined {
  const match = FRONTMATTER.exec(fileText);
  return match ? { frontmatter: match[1]!, body: fileText.slice(match[0].length) } : undefined;
}

/**
 * A version file's frontmatter as the editor wrote it. YAML 1.2's core schema
 * has no dates, so `effective: 2026-11-31` stays the text "2026-11-31" and can
 * be checked as written (YAML 1.1, as the content collection reads it, would
 * silently turn it into 1 December). Undefined when there is no frontmatter or
 * it is not a mapping; throws on YAML that does not parse.
 */
export function readFrontmatter(fileText: string): Record<string, unknown> | undefined {
  const split = splitFrontmatter(fileText);
  if (!split) return undefined;
  const data: unknown = parse(split.frontmatter);
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}
