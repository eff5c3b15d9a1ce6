// Reads what the scan needs from the site it scans: the machine-readable
// declaration and the sitemap, both from that site's own origin.
import { DECLARATION_DOCUMENT_PATH } from '#lib/consent/declarationDocument.ts';
import { declarationDocumentSchema } from './declaration/schema.ts';
import { ScanInputError } from './errors.ts';
import type { DeclarationDocument } from './types.ts';

const TIMEOUT_MS = 15000;

/**
 * Why a fetch failed, in words.
 */
function reason(error: unknown): string {
  const cause = error as { cause?: { code?: string; message?: string }; name?: string; message?: string };
  const code = cause.cause?.code;
  if (cause.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  if (code === 'ECONNREFUSED') return 'the connection was refused (is the site running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host';
  if (code === 'ECONNRESET') return 'the connection was reset';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `its certificate was not accepted (${code})`;
  return cause.cause?.message ?? cause.message ?? String(error);
}

/**
 * GETs a URL; a network failure is a ScanInputError, an HTTP error a status.
 */
export async function get(url: string): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ScanInputError(`Could not reach ${url}: ${reason(error)}.`);
  }
  return { status: response.status, text: response.ok ? await response.text() : '' };
}

/**
 * The declaration the site publishes, checked.
 */
export async function readDeclaration(origin: string): Promise<DeclarationDocument> {
  const url = new URL(DECLARATION_DOCUMENT_PATH, origin).href;
  const { status, text } = await get(url);
  if (status === 404) {
    throw new ScanInputError(
      `${url} answered 404: the site publishes no machine-readable cookie declaration, so the scan has nothing to compare with. ` +
        `The site builds it from the cookie policy in force (src/pages/cookiepolicy/deklaration.json.ts).`,
    );
  }
  if (status >= 400) throw new ScanInputError(`${url} answered ${status}: the declaration could not be read.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ScanInputError(`${url} is not a valid declaration: it is not JSON.`);
  }
  const result = declarationDocumentSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(the document)'}: ${issue.message}`,
    );
    throw new ScanInputError(`${url} is not a valid declaration:\n${[...new Set(problems)].join('\n')}`);
  }
  return result.data;
}

/** The `<loc>` values of a sitemap or sitemap index. */
const locations = (xml: string) =>
  [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((match) =>
    (match[1] ?? '')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'"),
  );

/**
 * A sitemap URL's path (and query), to be taken on the scanned origin, so a
 * scan of a preview scans the preview even though its sitemap names production.
 */
function pathOf(loc: string, origin: string): string {
  const url = new URL(loc, origin);
  return `${url.pathname}${url.search}`;
}

/**
 * Every page in the site's sitemap (`/sitemap-index.xml`, else `/sitemap.xml`),
 * as paths on `origin`, in sitemap order.
 */
export async function readSitemap(origin: string): Promise<string[]> {
  const candidates = ['/sitemap-index.xml', '/sitemap.xml'].map((path) => new URL(path, origin).href);
  let found: { url: string; text: string } | undefined;
  for (const url of candidates) {
    const response = await get(url);
    if (response.status < 400 && /<(urlset|sitemapindex)\b/.test(response.text)) {
      found = { url, text: response.text };
      break;
    }
  }
  if (!found) {
    throw new ScanInputError(
      `No sitemap at ${candidates.join(' or ')}: the scan visits the pages the sitemap lists, so it needs one.`,
    );
  }
  const paths: string[] = [];
  const read = new Set<string>();
  const collect = async (url: string, xml: string, depth: number): Promise<void> => {
    read.add(url);
    if (/<sitemapindex\b/.test(xml)) {
      for (const loc of locations(xml)) {
        const nested = new URL(pathOf(loc, origin), origin).href;
        if (read.has(nested) || depth > 3) continue;
        const response = await get(nested);
        if (response.status >= 400) throw new ScanInputError(`The sitemap ${nested} answered ${response.status}.`);
        await collect(nested, response.text, depth + 1);
      }
    } else {
      for (const loc of locations(xml)) {
        const path = pathOf(loc, origin);
        if (!paths.includes(path)) paths.push(path);
      }
    }
  };
  await collect(found.url, found.text, 0);
  if (paths.length === 0) throw new ScanInputError(`The sitemap ${found.url} lists no pages.`);
  return paths;
}
