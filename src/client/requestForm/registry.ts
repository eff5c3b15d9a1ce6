/**
 * The form's later modules are each built as a module of their own and imported by URL (see
 * ./main.ts), which leaves them without exports: each registers what it offers under a global
 * name, as the consent banner does (src/client/consent/startTools.ts).
 */
import type { composeLetter } from '../../lib/requests/composeLetter.ts';
import type { validatePersonnummer } from '../../lib/requests/personnummer.ts';
import type { showLetter } from './letter.ts';
import type { loadLetter, reset, submitRequest } from './submit.ts';

/** What ./submit.ts offers: checking and composing a request. */
export interface SubmitModule {
  reset: typeof reset;
  submitRequest: typeof submitRequest;
  loadLetter: typeof loadLetter;
}

/** What ./letterRoute.ts offers: the letter, and the personnummer check it needs. */
export interface LetterModule {
  composeLetter: typeof composeLetter;
  validatePersonnummer: typeof validatePersonnummer;
  showLetter: typeof showLetter;
}

declare global {
  var __requestSubmit: SubmitModule | undefined;
  var __requestLetter: LetterModule | undefined;
}
