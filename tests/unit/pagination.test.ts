import { describe, expect, it } from 'vitest';
import { pageLinks } from '../../src/lib/pagination';

describe('pageLinks', () => {
  it('shows every number when there are few pages', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageLinks(1, 7)).toEqual([1, 2, 3, 'gap', 7]);
  });

  it('keeps the first, the last and two either side of the current page', () => {
    expect(pageLinks(50, 100)).toEqual([1, 'gap', 48, 49, 50, 51, 52, 'gap', 100]);
    expect(pageLinks(1, 100)).toEqual([1, 2, 3, 'gap', 100]);
    expect(pageLinks(100, 100)).toEqual([1, 'gap', 98, 99, 100]);
  });

  it('shows a single left-out number instead of a gap', () => {
    expect(pageLinks(4, 100)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 100]);
    expect(pageLinks(5, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 100]);
    expect(pageLinks(6, 100)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 100]);
    expect(pageLinks(97, 100)).toEqual([1, 'gap', 95, 96, 97, 98, 99, 100]);
  });
});
