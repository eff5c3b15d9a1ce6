import { expect } from '@playwright/test';
import { banner, preferences } from '../support/consent';
import { watchForViolations } from '../support/csp';
import { sitemapPaths } from '../support/helpers';
import { STANDINS } from '../../harness/ports';
import { testOn } from '../support/site';

const test = testOn('upcoming-version');

// No tools configured; requests go to an endpoint.

test('no page breaks its content security policy without the tools, and the policy names no other origin', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const check = await watchForViolations(page);
  for (const path of await sitemapPaths(request)) {
    await page.goto(path);
    await expect(banner(page)).toBeVisible();
    const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'))!;
    expect(policy).toMatch(/script-src 'self' 'sha256-/);
    expect(policy).not.toContain(new URL(STANDINS).host);
  }
  await banner(page).getByRole('button', { name: 'Inställningar' }).click();
  await expect(preferences(page)).toBeVisible();
  await preferences(page).getByRole('button', { name: 'Acceptera alla' }).click();
  await check();
});
