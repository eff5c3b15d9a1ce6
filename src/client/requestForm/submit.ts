/**
 * Checks a request and composes it: the e-mail here (or the POST to the configured endpoint),
 * the letter through ./letterRoute.ts, which loads only for it. ./main.ts loads this module
 * once a request is chosen.
 */
import { stockholmDay } from '../../lib/dates.ts';
import type { RequestAction, RequestType } from '../../lib/requests/catalogue.ts';
import { composeMessage, endpointPayload, makeReference } from '../../lib/requests/compose.ts';
import { validateRequest } from '../../lib/requests/validate.ts';
import { formFields } from './fields.ts';
import type { RequestPage } from './main.ts';
import type { LetterModule } from './registry.ts';
import { sendToEndpoint, showMessage, wireCopyButtons } from './message.ts';
import { showReceipt } from './receipt.ts';
// By URL, as ./main.ts loads this module: a module of its own, without Vite's preloading helper.
import letterUrl from './letterRoute.ts?worker&url';

let letterRoute: Promise<LetterModule> | undefined;

/** The letter's composer, its personnummer check and its display, loaded once. */
export const loadLetter = (): Promise<LetterModule> =>
  (letterRoute ??= import(/* @vite-ignore */ letterUrl).then(() => globalThis.__requestLetter!));

let wired = false;

function hideOutputs(page: RequestPage): void {
  page.result.hidden = true;
  page.letterWrap.hidden = true;
  document.documentElement.classList.remove('has-letter');
  page.receipt.hidden = true;
  page.status.replaceChildren();
}

/** A new request or route was chosen: what the last one showed goes, errors and results alike. */
export function reset(page: RequestPage): void {
  formFields(page.form).clearErrors();
  hideOutputs(page);
}

/** Checks what the visitor typed, then shows the errors, or the e-mail, the letter or the receipt of the POST. */
export async function submitRequest(page: RequestPage, type: RequestType, route: RequestAction): Promise<void> {
  const { form, setup, submit } = page;
  if (!wired) {
    wireCopyButtons(page.result);
    wired = true;
  }
  const fields = formFields(form);
  const today = stockholmDay();
  const values = fields.values();
  const letter = route === 'letter' ? await loadLetter() : undefined;
  const errors = validateRequest(type, route, values, today, letter?.validatePersonnummer);
  hideOutputs(page);
  if (Object.keys(errors).length > 0) {
    fields.showErrors(errors);
    return;
  }
  fields.clearErrors();
  const reference = makeReference(today, (n) => crypto.getRandomValues(new Uint8Array(n)));
  const composed = letter?.composeLetter(type, values, setup, today);
  if (letter && composed) {
    letter.showLetter(page.letterWrap, composed, values.name.trim());
    showReceipt(page.receipt, reference, today, 'letter');
    return;
  }
  const message = composeMessage(type, values, setup, reference);
  if (setup.endpoint) {
    const honeypot = form.querySelector<HTMLInputElement>('#f-webbplats')?.value.trim() ?? '';
    submit.disabled = true;
    const sent = await sendToEndpoint(
      setup.endpoint,
      endpointPayload(type, values, reference, honeypot),
      page.status,
      message,
    );
    submit.disabled = false;
    if (sent) showReceipt(page.receipt, reference, today, 'message');
    return;
  }
  showMessage(page.result, message);
  showReceipt(page.receipt, reference, today, 'message');
}

globalThis.__requestSubmit = { reset, submitRequest, loadLetter };
