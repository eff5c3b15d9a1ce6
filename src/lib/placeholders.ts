/**
 * How a draft marks a fact only the company can supply: `[FYLL I: what is needed]`.
 * A version with one is never published.
 */
export const PLACEHOLDER = /\[FYLL I:[^\]\n]*\]/g;

export interface Placeholder {
  /** 1-based line in the file. */
  line: number;
  text: string;
}

/** Every placeholder in a file's text, with its line. */
export function findPlaceholders(fileText: string): Placeholder[] {
  return fileText
    .split(/\r?\n/)
    .flatMap((line, index) => [...line.matchAll(PLACEHOLDER)].map((match) => ({ line: index + 1, text: match[0] })));
}

/** The build's refusal of a version that is to be published with placeholders in it; undefined when it has none. */
export function placeholderProblem(source: string, fileText: string): string | undefined {
  const found = findPlaceholders(fileText);
  if (found.length === 0) return undefined;
  return [
    `${source} is not a draft, but it still holds ${found.length === 1 ? 'a placeholder' : `${found.length} placeholders`} for facts only the company can supply:`,
    ...found.map(({ line, text }) => `  ${source}:${line}: ${text}`),
    'Replace each with the fact, or keep the version a draft (draft: true) until they are known.',
  ].join('\n');
}
