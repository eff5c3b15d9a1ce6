import { expect, type Page } from '@playwright/test';

/**
 * Records every content security policy violation and console error a page
 * produces, from before its first script runs.
 */
export async function watchForViolations(page: Page): Promise<() => Promise<void>> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return async () => {
    expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).not.toMatch(
      /'unsafe-(inline|eval)'/,
    );
    expect(problems).toEqual([]);
  };
}
