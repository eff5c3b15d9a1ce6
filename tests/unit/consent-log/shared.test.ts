/** The facts the service copies from the site stay equal to the site's. */
import { expect, it } from 'vitest';
import * as service from '#consent-log/shared.ts';
import { CATEGORY_IDS } from '#lib/consent/categories.ts';
import { isIsoDate } from '#lib/isoDate.ts';
import { site } from '#site/site.config.ts';

it('the service knows the site’s categories, in the same order', () => {
  expect(service.CATEGORY_IDS).toEqual(CATEGORY_IDS);
});

it('the service’s default origin is the site’s URL', () => {
  expect(service.SITE_URL).toBe(site.url);
});

it('the service reads dates as the site does', () => {
  for (const value of [
    '2026-11-24',
    '2024-02-29',
    '2026-02-29',
    '2026-13-01',
    '9999-12-31',
    '0000-00-00',
    '2026-1-1',
    5,
  ]) {
    expect(service.isIsoDate(value), String(value)).toBe(isIsoDate(value));
  }
});
