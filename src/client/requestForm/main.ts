/**
 * The privacy request form: checks what the visitor typed, then composes an
 * e-mail (or POSTs to the configured endpoint) or, where a request offers one,
 * a letter to print. Nothing is stored, and the personnummer never leaves the page.
 */
import { stockholmDay } from '../../lib/dates.ts';
import { parseRequestType, type RequestContext, type RequestType } from '../../lib/requests/catalogue.ts';
import { composeLetter, composeMessage, endpointPayload, makeReference } from '../../lib/requests/compose.ts';
import { validateRequest } from '../../lib/requests/validate.ts';
import { $ } from './dom.ts';
import { formFields } from './fields.ts';
import { hideLetter, showLetter } from './letter.ts';
import { sendToEndpoint, showMessage, wireCopyButtons } from './message.ts';
import { showReceipt } from './receipt.ts';

interface RequestSetup extends RequestContext {
  endpoint?: string;
}

/** The setup the page carries, checked field by field; anything else leaves the form off. */
function readSetup(json: string | null | undefined): RequestSetup | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json ?? '');
  } catch {
    return undefined;
  }
  const setup = (typeof value === 'object' && value !== null ? value : {}) as Partial<RequestSetup>;
  const sound =
    typeof setup.recipient === 'string' &&
    Array.isArray(setup.postalAddress) &&
    setup.postalAddress.every((line) => typeof line === 'string') &&
    typeof setup.policy?.version === 'string' &&
    typeof setup.policy.effective === 'string' &&
    typeof setup.offersLetter === 'boolean' &&
    (setup.endpoint === undefined || typeof setup.endpoint === 'string');
  return sound ? (setup as RequestSetup) : undefined;
}

function start(form: HTMLFormElement, setup: RequestSetup): void {
  const fields = formFields(form, setup.offersLetter);
  const fieldsBox = $('[data-fields]', form);
  const submit = $<HTMLButtonElement>('[data-submit]', form);
  const status = $('[data-status]');
  const result = $('[data-result]');
  const letterWrap = $('[data-letter-wrap]');
  const receipt = $('[data-receipt]');
  let type: RequestType | undefined;

  function hideOutputs(): void {
    result.hidden = true;
    hideLetter(letterWrap);
    receipt.hidden = true;
    status.replaceChildren();
  }

  function show(next: RequestType, route = fields.route(next)): void {
    type = next;
    fields.show(next, route);
    submit.textContent =
      route === 'letter' ? 'Skapa brev att skriva ut' : setup.endpoint ? 'Skicka begäran' : 'Skapa e-postmeddelande';
    fieldsBox.hidden = false;
    hideOutputs();
  }

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'arende') {
      const next = parseRequestType(target.value);
      // E-mail (or the form's endpoint) comes first for every request; the letter is the visitor's choice.
      if (next) show(next, 'message');
    } else if (target.name === 'satt' && type) {
      show(type, target.value === 'letter' ? 'letter' : 'message');
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!type) return;
    const route = fields.route(type);
    const today = stockholmDay();
    const values = fields.values();
    const errors = validateRequest(type, route, values, today);
    hideOutputs();
    if (Object.keys(errors).length > 0) {
      fields.showErrors(errors);
      return;
    }
    fields.clearErrors();
    const reference = makeReference(today, (n) => crypto.getRandomValues(new Uint8Array(n)));
    const letter = route === 'letter' ? composeLetter(type, values, setup, today) : undefined;
    if (letter) {
      showLetter(letterWrap, letter, values.name.trim());
      showReceipt(receipt, reference, today, 'letter');
      return;
    }
    const message = composeMessage(type, values, setup, reference);
    if (setup.endpoint) {
      const honeypot = form.querySelector<HTMLInputElement>('#f-webbplats')?.value.trim() ?? '';
      submit.disabled = true;
      void sendToEndpoint(setup.endpoint, endpointPayload(type, values, reference, honeypot), status, message).then(
        (sent) => {
          submit.disabled = false;
          if (sent) showReceipt(receipt, reference, today, 'message');
        },
      );
      return;
    }
    showMessage(result, message);
    showReceipt(receipt, reference, today, 'message');
  });

  wireCopyButtons(result);
  $('[data-print]').addEventListener('click', () => print());

  form.hidden = false;
  $('[data-request-fallback]').hidden = true;
  const preselected = parseRequestType(new URLSearchParams(location.search).get('arende'));
  if (preselected) {
    const radio = form.querySelector<HTMLInputElement>(`#arende-${preselected}`);
    if (radio) radio.checked = true;
    show(preselected, 'message');
  }
}

const form = document.querySelector<HTMLFormElement>('[data-request-form]');
const setup = readSetup(document.getElementById('request-setup')?.textContent);
if (form && setup) start(form, setup);
