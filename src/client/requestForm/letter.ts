/** The letter to print and sign, filled in as text: nothing typed becomes markup. */
import type { Letter } from '../../lib/requests/composeLetter.ts';
import { $, renderLines, setText } from './dom.ts';

export function showLetter(wrap: HTMLElement, letter: Letter, signature: string): void {
  renderLines($('[data-out="sender"]', wrap), letter.sender);
  renderLines($('[data-out="recipient"]', wrap), letter.recipient);
  setText(wrap, 'title', letter.title);
  setText(wrap, 'date', letter.date);
  setText(wrap, 'signature', signature);
  setText(wrap, 'request', letter.request);
  const points = $('[data-out="points"]', wrap);
  points.replaceChildren(
    ...letter.points.map((text) => Object.assign(document.createElement('li'), { textContent: text })),
  );
  points.hidden = letter.points.length === 0;
  setText(wrap, 'closing', letter.closing);
  $('[data-out="details"]', wrap).replaceChildren(
    ...letter.details.flatMap(([label, value]) => [
      Object.assign(document.createElement('dt'), { textContent: label, className: 'font-semibold' }),
      Object.assign(document.createElement('dd'), { textContent: value }),
    ]),
  );
  wrap.hidden = false;
  // The letter prints alone (global.css).
  document.documentElement.classList.add('has-letter');
  wrap.focus();
}
