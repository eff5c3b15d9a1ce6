/**
 * Gates on the built files themselves: valid HTML and no broken internal link
 * or #fragment, in every production build the tests make.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { parseHeadersFile } from '../../../scripts/bench/static-server.mjs';

const builds = ['site', 'fixture', 'later', 'v2', 'paged'].map((kind) =>
  resolve(import.meta.dirname, '../../../.test-builds', kind, 'dist'),
);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

for (const dist of builds) {
  const name = relative(resolve(dist, '../..'), dist);

  test(`${name}: every page is valid HTML`, async () => {
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

  test(`${name}: every internal link and #fragment resolves`, () => {
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

for (const dist of builds) {
  const name = relative(resolve(dist, '../..'), dist);

  test(`${name}: _headers sends the pages’ policy, and the security headers real hosts need`, () => {
    const rules = new Map(parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')));
    expect([...rules.keys()]).toEqual(['/*', '/_astro/*']);
    expect(rules.get('/_astro/*')).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    const headers = rules.get('/*')!;
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Permissions-Policy']).toContain('camera=()');
    expect(headers['Permissions-Policy']).toContain('geolocation=()');

    const header = directives(headers['Content-Security-Policy']!);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    for (const page of htmlFiles(dist)) {
      const html = readFileSync(page, 'utf8');
      const meta = directives(
        parse(html).querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!,
      );
      for (const [directive, sources] of meta) {
        expect(header.get(directive), `${directive} in ${relative(dist, page)}`).toEqual(
          sources.filter((source) => !source.startsWith("'sha256-")),
        );
      }
      // The header allows scripts and styles by origin only: no page may rely on an inline one.
      const inlineScripts = parse(html)
        .querySelectorAll('script:not([src])')
        .filter((script) => script.getAttribute('type') !== 'application/json');
      expect(inlineScripts, relative(dist, page)).toHaveLength(0);
      expect(parse(html).querySelectorAll('style, [style]'), relative(dist, page)).toHaveLength(0);
    }
  });
}
