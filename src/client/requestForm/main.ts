/**
 * The privacy request form's script, loaded at the visitor's first move towards the form
 * (./intent.ts): it shows the form and, for the request chosen, the fields that the markup names on each choice
 * (`data-message-fields`, and `data-letter-fields` where a letter is offered). What checks and composes
 * a request (./submit.ts) loads once a request is chosen; the letter and its personnummer check
 * (./letterRoute.ts) only once the letter is. Nothing is stored, and the personnummer never
 * leaves the page.
 */
import type { RequestAction, RequestContext, RequestType } from '../../lib/requests/catalogue.ts';
// Built as a module of its own and imported by its URL, as the consent banner is
// (src/client/consent/boot.ts): a plain `import('./submit.ts')` would bring Vite's preloading
// helper (0.8 KB gzipped) into this script.
import type { SubmitModule } from './registry.ts';
import submitUrl from './submit.ts?worker&url';

export interface RequestSetup extends RequestContext {
  endpoint?: string;
}

/** The form and the places its results go, found once. */
export interface RequestPage {
  form: HTMLFormElement;
  setup: RequestSetup;
  submit: HTMLButtonElement;
  status: HTMLElement;
  result: HTMLElement;
  letterWrap: HTMLElement;
  receipt: HTMLElement;
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

/** The element a selector names; the form's markup guarantees it is there. */
const find = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T =>
  root.querySelector<T>(selector)!;

function start(form: HTMLFormElement, setup: RequestSetup): void {
  const page: RequestPage = {
    form,
    setup,
    submit: find<HTMLButtonElement>('[data-submit]', form),
    status: find('[data-status]'),
    result: find('[data-result]'),
    letterWrap: find('[data-letter-wrap]'),
    receipt: find('[data-receipt]'),
  };
  const fieldsBox = find('[data-fields]', form);
  const routeBox = find<HTMLFieldSetElement>('[data-route]', form);
  let chosen: HTMLInputElement | undefined;
  let submitter: Promise<SubmitModule> | undefined;
  let loaded: SubmitModule | undefined;
  const load = () =>
    (submitter ??= import(/* @vite-ignore */ submitUrl).then(() => (loaded = globalThis.__requestSubmit!)));

  /** The route of the request shown: the letter where offered and chosen, else the message. */
  const route = (): RequestAction =>
    !routeBox.hidden && routeBox.querySelector<HTMLInputElement>('input:checked')?.value === 'letter'
      ? 'letter'
      : 'message';

  /** Shows what a request and route use; the other fields are hidden and disabled, and keep what was typed. */
  function show(choice: HTMLInputElement, next: RequestAction): void {
    chosen = choice;
    const letterFields = choice.dataset['letterFields'];
    const shown = letterFields === undefined ? 'message' : next;
    routeBox.hidden = letterFields === undefined;
    for (const radio of routeBox.querySelectorAll('input')) {
      radio.disabled = routeBox.hidden;
      radio.checked = radio.value === shown;
    }
    const inUse = new Set((shown === 'letter' ? letterFields : choice.dataset['messageFields'])?.split(' '));
    for (const wrapper of form.querySelectorAll<HTMLElement>('[data-field]')) {
      const field = wrapper.dataset['field'];
      const used = inUse.has(field === 'address' ? 'street' : (field ?? ''));
      wrapper.hidden = !used;
      for (const element of wrapper.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
        element.disabled = !used;
    }
    page.submit.textContent =
      shown === 'letter' ? 'Skapa brev att skriva ut' : setup.endpoint ? 'Skicka begäran' : 'Skapa e-postmeddelande';
    fieldsBox.hidden = false;
    loaded?.reset(page);
    // Fetched while the visitor fills in the fields, so that it is there by the time they send.
    void load().then((module) => {
      if (shown === 'letter') void module.loadLetter();
    });
  }

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    // E-mail (or the form's endpoint) comes first for every request; the letter is the visitor's choice.
    if (target.name === 'arende') show(target, 'message');
    else if (target.name === 'satt' && chosen) show(chosen, target.value === 'letter' ? 'letter' : 'message');
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!chosen) return;
    const type = chosen.value as RequestType;
    const next = route();
    void load().then((module) => module.submitRequest(page, type, next));
  });

  form.hidden = false;
  find('[data-request-fallback]').hidden = true;
  // A link to /kontakt/?arende=<type> opens the form at that request.
  const asked = new URLSearchParams(location.search).get('arende') ?? '';
  const preselected = /^[a-z]+$/.test(asked) ? form.querySelector<HTMLInputElement>(`#arende-${asked}`) : null;
  if (preselected?.name === 'arende') preselected.checked = true;
  // A request picked before this script arrived is shown now.
  const picked = form.querySelector<HTMLInputElement>('input[name="arende"]:checked');
  if (picked) show(picked, 'message');
}

const form = document.querySelector<HTMLFormElement>('[data-request-form]');
const setup = readSetup(document.getElementById('request-setup')?.textContent);
if (form && setup) start(form, setup);
