/**
 * The current-law check over the site's own copy: every built page's text,
 * less the text of the policy versions it shows. A version's text is the
 * company's record, checked (and for recorded versions only reported) by
 * `checkPublication`; everything else on a page (the components, the request
 * catalogue, the banner's texts, `site.config.ts`) is ours, and a finding there
 * stops the build.
 */
import { LAW_RULES, textFindings, type LawRule } from './lawRules.ts';

/**
 * The attribute that marks an element whose content is a policy version's own
 * text (its body, register, declaration, summary, changes, corrections, or a
 * comparison of two versions): left out of the site-copy check.
 */
export const POLICY_TEXT_ATTRIBUTE = 'data-policy-text';

/** Elements that hold no copy; `script` is handled on its own, since JSON in it may. */
const SKIPPED = ['style', 'template', 'svg', 'noscript'];

/** Elements that never close. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements after which a sentence or a paragraph ends: their text is kept apart from the next. */
const BLOCK =
  /^(?:address|article|aside|blockquote|br|button|caption|dd|details|dialog|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|label|legend|li|main|nav|ol|option|p|pre|section|select|summary|table|tbody|td|tfoot|th|thead|tr|ul)$/;

/** Attributes whose value a visitor reads or hears. */
const READ_ATTRIBUTES = ['alt', 'title', 'aria-label', 'placeholder'];

/** The named references a page may use; Astro itself writes characters as they are, but for these five. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  rdquo: '”',
  ldquo: '“',
  rsquo: '’',
  sect: '§',
};

/** Decodes the character references Astro writes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, decimal, hex, name) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return ENTITIES[String(name).toLowerCase()] ?? whole;
  });
}

/** Every string in a JSON value: the texts a script (the banner's configuration) carries. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(jsonStrings);
  return [];
}

/**
 * Where the element whose start tag ends at `from` closes: after its matching
 * end tag, counting nested elements of the same name (built pages are well
 * formed). The end of the page when it never closes.
 */
function closingEnd(html: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}(?=[\\s>/])[^>]*>`, 'gi');
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return html.length;
}

/**
 * A built page's own copy as plain text: the text of its elements, the
 * attributes a visitor reads, and the strings of its JSON scripts (the
 * banner's texts), each block on its own lines; without the elements marked
 * as a policy version's text, scripts' code, styles and comments.
 */
export function siteCopy(html: string): string {
  const out: string[] = [];
  const tag = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  let at = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    out.push(decodeEntities(html.slice(at, match.index)));
    at = match.index + match[0].length;
    const [, closing, rawName, attributes = ''] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (BLOCK.test(name)) out.push('\n\n');
    if (closing) continue;
    if (new RegExp(`\\s${POLICY_TEXT_ATTRIBUTE}(?=[\\s=>/]|$)`, 'i').test(attributes)) {
      if (!VOID.has(name) && !attributes.endsWith('/')) at = closingEnd(html, name, at);
      tag.lastIndex = at;
      out.push('\n\n');
      continue;
    }
    for (const attribute of READ_ATTRIBUTES) {
      const value = new RegExp(`\\s${attribute}=(?:"([^"]*)"|'([^']*)')`, 'i').exec(attributes);
      if (value) out.push(`\n\n${decodeEntities(value[1] ?? value[2] ?? '')}\n\n`);
    }
    if (name === 'script' || SKIPPED.includes(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, at);
      const inner = html.slice(at, end === -1 ? html.length : end);
      if (name === 'script' && /\stype=["']?application\/(?:ld\+)?json/i.test(attributes)) {
        try {
          out.push(...jsonStrings(JSON.parse(inner)).map((text) => `\n\n${text}\n\n`));
        } catch {
          // Not JSON after all: nothing a visitor reads.
        }
      }
      at = end === -1 ? html.length : end;
      tag.lastIndex = at;
    }
  }
  out.push(decodeEntities(html.slice(at)));
  return out
    .join('')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** A finding in a page's own copy. */
export interface SiteTextFinding {
  /** The page, as its path in the built site: `kontakt/index.html`. */
  page: string;
  rule: LawRule;
  phrase: string;
  /** The sentence or line around it, as the page shows it. */
  text: string;
}

/** Every out-of-date reference in the site's own copy of the given pages, page by page. */
export function siteTextFindings(
  pages: readonly { page: string; html: string }[],
  rules: readonly LawRule[] = LAW_RULES,
): SiteTextFinding[] {
  return pages.flatMap(({ page, html }) => {
    const copy = siteCopy(html);
    return textFindings(copy, rules).map(({ rule, index, phrase }) => {
      const from = copy.lastIndexOf('\n', index) + 1;
      const to = copy.indexOf('\n', index + phrase.length);
      return { page, rule, phrase, text: copy.slice(from, to === -1 ? copy.length : to).trim() };
    });
  });
}

/** The build's refusal: each finding with the page, the text, why, what instead and the source. */
export function describeSiteTextFindings(findings: readonly SiteTextFinding[]): string {
  return [
    "The site's own text cites law or practice that is out of date (policy versions' text is checked on its own, and not here):",
    ...findings.map(({ page, rule, phrase, text }) =>
      [
        `  ${page}: "${phrase}" (rule ${rule.id}) in "${text.length > 200 ? `${text.slice(0, 200)}…` : text}"`,
        `    Why: ${rule.why}`,
        `    Write instead: ${rule.instead}`,
        `    Source: ${rule.source}`,
      ].join('\n'),
    ),
    'Fix the component, the request catalogue, the banner texts or src/site.config.ts that writes it.',
  ].join('\n');
}
