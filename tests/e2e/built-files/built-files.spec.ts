/**
 * Gates on the built files themselves: valid HTML and no broken internal link
 * or #fragment, in every production build the tests make.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from '@playwright/test';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { matches, parseHeadersFile } from '#tools/static-host/staticHost.ts';
import { testOn } from '../support/site';

/** Every production build the browser tests make. */
const SITE_NAMES = ['published', 'upcoming-version', 'in-force-later', 'v2-filled', 'eighty-versions'] as const;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

for (const name of SITE_NAMES) {
  const test = testOn(name);

  test(`${name}: every page is valid HTML`, async ({ site: { dist } }) => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(9);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(
            `${relative(dist, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test(`${name}: every internal link and #fragment resolves`, async ({ site: { dist } }) => {
    const ids = new Map<string, Set<string>>();
    const pages = htmlFiles(dist).map((file) => {
      const root = parse(readFileSync(file, 'utf8'));
      const path = `/${relative(dist, file).replace(/(^|\/)index\.html$/, '$1')}`;
      ids.set(path, new Set(root.querySelectorAll('[id]').map((element) => element.id)));
      const links = root
        .querySelectorAll('a[href], link[href], script[src], img[src]')
        .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '');
      return { path, links };
    });
    const target = (pathname: string): string | undefined => {
      const file = join(dist, decodeURIComponent(pathname));
      if (pathname.endsWith('/')) return existsSync(join(file, 'index.html')) ? pathname : undefined;
      return existsSync(file) && statSync(file).isFile() ? pathname : undefined;
    };
    const broken: string[] = [];
    for (const { path, links } of pages) {
      for (const link of links) {
        const url = new URL(link, `https://techtroopers.com${path}`);
        if (url.origin !== 'https://techtroopers.com') continue;
        const found = target(url.pathname);
        if (!found) broken.push(`${path} → ${link}`);
        else if (url.hash && found.endsWith('/') && !ids.get(found)?.has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(`${path} → ${link} (no such #fragment)`);
        }
      }
    }
    expect(pages.length).toBeGreaterThan(9);
    expect(broken).toEqual([]);
  });
}

/** A policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The path a host serves a built HTML file at. */
const servedAt = (dist: string, file: string) => `/${relative(dist, file).replace(/(^|\/)index\.html$/, '$1')}`;

for (const name of SITE_NAMES) {
  const test = testOn(name);

  test(`${name}: _headers sends each page its own policy, and the security headers real hosts need`, async ({
    site: { dist },
  }) => {
    const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    const rule = (pattern: string) => rules.find(([candidate]) => candidate === pattern)?.[1];
    expect(rule('/_astro/*')).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    // On every response, the web editor's included.
    const common = rule('/*')!;
    expect(common['X-Content-Type-Options']).toBe('nosniff');
    expect(common['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    expect(common['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(common['Permissions-Policy']).toContain('camera=()');
    expect(common['Permissions-Policy']).toContain('geolocation=()');
    // Hosts apply every rule that matches, and two policies are both enforced: each page must get exactly one.
    const policiesFor = (path: string) =>
      rules.flatMap(([pattern, headers]) =>
        matches(pattern, path) && headers['Content-Security-Policy'] ? [headers['Content-Security-Policy']] : [],
      );

    const pages = htmlFiles(dist);
    expect(pages.map((page) => servedAt(dist, page))).toContain('/admin/');
    for (const page of pages) {
      const path = servedAt(dist, page);
      const html = readFileSync(page, 'utf8');
      const policies = policiesFor(path);
      expect(policies, `the policies sent with ${path}`).toHaveLength(1);
      const header = directives(policies[0]!);
      expect(header.get('frame-ancestors'), path).toEqual(["'none'"]);
      const meta = directives(
        parse(html).querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!,
      );
      for (const [directive, sources] of meta) {
        expect(header.get(directive), `${directive} in ${relative(dist, page)}`).toEqual(
          sources.filter((source) => !source.startsWith("'sha256-")),
        );
      }
      // Only the web editor may run what Decap CMS needs; no public page ever may.
      if (!path.startsWith('/admin/')) expect(policies[0]).not.toMatch(/'unsafe-(inline|eval)'/);
      // The header allows scripts and styles by origin only: no page may rely on an inline one.
      const inlineScripts = parse(html)
        .querySelectorAll('script:not([src])')
        .filter((script) => script.getAttribute('type') !== 'application/json');
      expect(inlineScripts, relative(dist, page)).toHaveLength(0);
      expect(parse(html).querySelectorAll('style, [style]'), relative(dist, page)).toHaveLength(0);
    }
  });

  test(`${name}: the web editor is kept out of search engines and the sitemap`, async ({ site: { dist } }) => {
    const editor = parse(readFileSync(join(dist, 'admin/index.html'), 'utf8'));
    expect(editor.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(/^Disallow: \/admin\/$/m);
    const sitemaps = readdirSync(dist).filter((file) => /^sitemap.*\.xml$/.test(file));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const sitemap of sitemaps) expect(readFileSync(join(dist, sitemap), 'utf8')).not.toContain('/admin');
    const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    expect(rules.find(([pattern]) => pattern === '/admin/*')?.[1]['X-Robots-Tag']).toBe('noindex, nofollow');
  });
}
