/** A link to a page by its number, or a gap where numbers are left out. */
export type PageLink = number | 'gap';

/**
 * The page numbers a pagination shows: the first, the last, and `around` either side
 * of the current one, with a gap where numbers are left out, so that a hundred pages
 * still fit on a phone. A gap never stands for a single number: that number is shown.
 */
export function pageLinks(current: number, last: number, around = 2): PageLink[] {
  const shown = new Set([1, last]);
  for (let number = current - around; number <= current + around; number++) {
    if (number >= 1 && number <= last) shown.add(number);
  }
  const links: PageLink[] = [];
  let previous = 0;
  for (const number of [...shown].sort((a, b) => a - b)) {
    if (number - previous === 2) links.push(number - 1);
    else if (number - previous > 2) links.push('gap');
    links.push(number);
    previous = number;
  }
  return links;
}
