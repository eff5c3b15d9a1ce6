/**
 * All that a first visit to /kontakt/ runs of the request form (the only page that has it): the
 * form already shows (form.css), and its script (./main.ts) loads at the visitor's first move
 * towards it (a pointer over it, which a touch also brings, focus, a choice, or a key pressed
 * anywhere, as a keyboard reaches the form through the page), well before they can pick a request
 * and be shown its fields. A link that opens the form at a request (`?arende=`), and a browser
 * that cannot say whether scripting is on (so the form has not shown), load it at once.
 */
// Built as a module of its own and imported by its URL, as the consent banner is.
import formUrl from './main.ts?worker&url';

// Each of these may come many times: the module loads once.
const load = () => import(/* @vite-ignore */ formUrl);
const form = document.querySelector('[data-request-form]')!;
if (location.search || !matchMedia('(scripting: enabled)').matches) void load();
else {
  for (const type of ['pointerover', 'focusin', 'change']) form.addEventListener(type, load);
  addEventListener('keydown', load);
}
