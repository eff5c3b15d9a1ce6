/**
 * All that a first visit to /kontakt/ runs of the request form: the form already shows (form.css),
 * and its script (./main.ts) loads at the visitor's first move towards it (a pointer over it,
 * which a touch also brings, focus, a choice, a key pressed), well before they can pick a request and be shown its fields. A link
 * that opens the form at a request (`?arende=`), and a browser that cannot say whether scripting
 * is on (so the form has not shown), load it at once.
 */
// Built as a module of its own and imported by its URL, as the consent banner is.
import formUrl from './main.ts?worker&url';

const form = document.querySelector('[data-request-form]');
if (form) {
  const load = () => import(/* @vite-ignore */ formUrl);
  if (location.search || !matchMedia('(scripting: enabled)').matches) void load();
  else {
    // Each of these may fire many times: the module loads once. A key pressed anywhere counts:
    // a keyboard reaches the form through the page.
    for (const type of ['pointerover', 'focusin', 'change']) form.addEventListener(type, load);
    addEventListener('keydown', load, { once: true });
  }
}
