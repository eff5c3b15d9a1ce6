/**
 * The privacy request form: checks what the visitor typed, then composes an
 * e-mail (or POSTs to the configured endpoint) or, for a register extract, a
 * letter to print. Nothing is stored, and the personnummer never leaves the page.
 */
import { composeLetter, composeMessage, endpointPayload, makeReference, type Letter } from '../lib/requests/compose.ts';
import {
  parseRequestType,
  type Channel,
  type FieldName,
  type RequestAction,
  type RequestContext,
  type RequestType,
  type RequestValues,
} from '../lib/requests/types.ts';
import { fieldsFor, validateRequest } from '../lib/requests/validate.ts';

interface RequestSetup extends RequestContext {
  endpoint?: string;
}

function readSetup(json: string | null | undefined): RequestSetup | undefined {
  try {
    const value: unknown = JSON.parse(json ?? '');
    const setup = value as Partial<RequestSetup>;
    return typeof setup.recipient === 'string' &&
      Array.isArray(setup.postalAddress) &&
      typeof setup.policy?.version === 'string'
      ? (setup as RequestSetup)
      : undefined;
  } catch {
    return undefined;
  }
}

const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function start(form: HTMLFormElement, setup: RequestSetup): void {
  const $ = <T extends Element>(selector: string, root: ParentNode = document): T => root.querySelector<T>(selector)!;
  const fieldsBox = $<HTMLElement>('[data-fields]', form);
  const status = $<HTMLElement>('[data-status]');
  const result = $<HTMLElement>('[data-result]');
  const letterWrap = $<HTMLElement>('[data-letter-wrap]');
  const receipt = $<HTMLElement>('[data-receipt]');
  const summary = $<HTMLElement>('[data-error-summary]', form);
  const letterButton = $<HTMLButtonElement>('[data-submit="letter"]', form);
  const messageButton = $<HTMLButtonElement>('[data-submit="message"]', form);
  const control = (field: FieldName) => form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#f-${field}`);
  const channelBoxes = () => [...form.querySelectorAll<HTMLInputElement>('input[name="channels"]')];

  let type: RequestType | undefined;

  function values(): RequestValues {
    const text = (field: FieldName) => control(field)?.value ?? '';
    return {
      name: text('name'),
      email: text('email'),
      phone: text('phone'),
      customerNumber: text('customerNumber'),
      channels: channelBoxes()
        .filter((box) => box.checked)
        .map((box) => box.value as Channel),
      wrong: text('wrong'),
      correct: text('correct'),
      personnummer: text('personnummer'),
      street: text('street'),
      postalCode: text('postalCode'),
      city: text('city'),
    };
  }

  /** Shows the fields a request type uses; the others are hidden and disabled, and keep what was typed. */
  function showType(next: RequestType): void {
    type = next;
    const inUse = new Set([...fieldsFor(next, 'message'), ...fieldsFor(next, 'letter')]);
    for (const wrapper of form.querySelectorAll<HTMLElement>('[data-field]')) {
      const field = wrapper.dataset['field'];
      const used = field === 'address' ? inUse.has('street') : inUse.has(field as FieldName);
      wrapper.hidden = !used;
      for (const element of wrapper.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
        element.disabled = !used;
    }
    const extract = next === 'registerutdrag';
    letterButton.hidden = !extract;
    messageButton.textContent = extract
      ? setup.endpoint
        ? 'Skicka via formuläret i stället (utan personnummer)'
        : 'Skicka som e-post i stället (utan personnummer)'
      : setup.endpoint
        ? 'Skicka begäran'
        : 'Skapa e-postmeddelande';
    // With a letter on offer, e-mail is the second choice.
    messageButton.classList.toggle('btn-primary', !extract);
    messageButton.classList.toggle('btn-secondary', extract);
    $<HTMLElement>('#f-email-hjalp', form).hidden = !extract;
    control('email')?.setAttribute('aria-required', String(!extract));
    if (extract) control('email')?.setAttribute('aria-describedby', 'f-email-hjalp');
    else control('email')?.removeAttribute('aria-describedby');
    fieldsBox.hidden = false;
    clearErrors();
  }

  function describedBy(element: Element, id: string, on: boolean): void {
    const ids = new Set((element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
    if (on) ids.add(id);
    else ids.delete(id);
    if (ids.size > 0) element.setAttribute('aria-describedby', [...ids].join(' '));
    else element.removeAttribute('aria-describedby');
  }

  function clearErrors(): void {
    summary.hidden = true;
    for (const message of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
      message.hidden = true;
      message.textContent = '';
      const field = message.dataset['errorFor'] as FieldName;
      const target = field === 'channels' ? channelBoxes()[0] : control(field);
      target?.removeAttribute('aria-invalid');
      if (target && field !== 'channels') describedBy(target, `f-${field}-fel`, false);
    }
  }

  /** Puts each error next to its field, tied with aria-describedby, and moves focus to the first. */
  function showErrors(errors: Partial<Record<FieldName, string>>): void {
    clearErrors();
    const list = $<HTMLElement>('[data-error-list]', form);
    list.replaceChildren();
    let first: HTMLElement | undefined;
    for (const [field, problem] of Object.entries(errors) as [FieldName, string][]) {
      const message = $<HTMLElement>(`[data-error-for="${field}"]`, form);
      message.textContent = problem;
      message.hidden = false;
      const target = field === 'channels' ? channelBoxes()[0] : control(field);
      if (target) {
        target.setAttribute('aria-invalid', 'true');
        if (field !== 'channels') describedBy(target, `f-${field}-fel`, true);
        first ??= target;
      }
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = field === 'channels' ? '#f-channels-fel' : `#f-${field}`;
      link.className = 'underline';
      link.textContent = problem;
      item.append(link);
      list.append(item);
    }
    summary.hidden = false;
    first?.focus();
  }

  function hideOutputs(): void {
    result.hidden = true;
    letterWrap.hidden = true;
    document.documentElement.classList.remove('has-letter');
    receipt.hidden = true;
    status.replaceChildren();
  }

  function showReceipt(reference: string): void {
    $<HTMLElement>('[data-out="reference"]', receipt).textContent = reference;
    receipt.hidden = false;
  }

  const setText = (root: ParentNode, key: string, text: string) => {
    $<HTMLElement>(`[data-out="${key}"]`, root).textContent = text;
  };

  function renderLines(element: HTMLElement, lines: string[]): void {
    element.replaceChildren(
      ...lines.flatMap((line, index) => (index === 0 ? [line] : [document.createElement('br'), line])),
    );
  }

  function showLetter(letter: Letter, name: string): void {
    renderLines($('[data-out="sender"]', letterWrap), letter.sender);
    renderLines($('[data-out="recipient"]', letterWrap), letter.recipient);
    setText(letterWrap, 'date', letter.date);
    setText(letterWrap, 'signature', name);
    $<HTMLElement>('[data-out="paragraphs"]', letterWrap).replaceChildren(
      ...letter.paragraphs.map((text) => Object.assign(document.createElement('p'), { textContent: text })),
    );
    $<HTMLElement>('[data-out="details"]', letterWrap).replaceChildren(
      ...letter.details.flatMap(([label, value]) => [
        Object.assign(document.createElement('dt'), { textContent: label, className: 'font-semibold' }),
        Object.assign(document.createElement('dd'), { textContent: value }),
      ]),
    );
    letterWrap.hidden = false;
    document.documentElement.classList.add('has-letter');
    letterWrap.focus();
  }

  async function send(requestType: RequestType, current: RequestValues, reference: string): Promise<void> {
    const honeypot = (form.querySelector<HTMLInputElement>('#f-webbplats')?.value ?? '').trim();
    messageButton.disabled = true;
    status.textContent = 'Skickar …';
    try {
      const response = await fetch(setup.endpoint!, {
        method: 'POST',
        body: endpointPayload(requestType, current, reference, honeypot),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      status.replaceChildren(
        Object.assign(document.createElement('p'), {
          className: 'rounded-md border-l-4 border-green-700 bg-green-50 p-4 font-semibold text-green-950',
          textContent: `Din begäran är skickad. Din referens är ${reference}.`,
        }),
      );
      showReceipt(reference);
    } catch {
      // Everything the visitor typed stays in the form; they can try again or use e-mail.
      const message = composeMessage(requestType, current, setup, reference);
      const failure = Object.assign(document.createElement('p'), {
        className: 'rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-950',
        textContent:
          'Det gick inte att skicka din begäran. Allt du skrivit finns kvar i formuläret: försök igen om en stund, eller ',
      });
      const link = Object.assign(document.createElement('a'), {
        href: message.mailto,
        textContent: 'skicka den som e-post',
        className: 'font-semibold underline',
      });
      failure.append(link, '.');
      status.replaceChildren(failure);
    } finally {
      messageButton.disabled = false;
    }
  }

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'arende') {
      const next = parseRequestType(target.value);
      if (next) {
        showType(next);
        hideOutputs();
      }
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!type) return;
    // Enter in a field submits without a submitter: the letter for an extract, else the message.
    const submitter = (event as SubmitEvent).submitter as HTMLElement | null;
    const action: RequestAction =
      type === 'registerutdrag' && submitter?.dataset['submit'] !== 'message' ? 'letter' : 'message';
    const today = STOCKHOLM_DAY.format(new Date());
    const current = values();
    const errors = validateRequest(type, action, current, today);
    hideOutputs();
    if (Object.keys(errors).length > 0) {
      showErrors(errors);
      return;
    }
    clearErrors();
    const reference = makeReference(today, (n) => crypto.getRandomValues(new Uint8Array(n)));
    if (action === 'letter') {
      showLetter(composeLetter(current, setup, today), current.name.trim());
      showReceipt(reference);
      return;
    }
    if (setup.endpoint) {
      void send(type, current, reference);
      return;
    }
    const message = composeMessage(type, current, setup, reference);
    setText(result, 'to', message.to);
    setText(result, 'subject', message.subject);
    setText(result, 'body', message.body);
    const mailto = $<HTMLAnchorElement>('[data-mailto]', result);
    mailto.href = message.mailto;
    result.hidden = false;
    showReceipt(reference);
    result.focus();
    // Hand the message to the visitor's mail program, if they have one.
    mailto.click();
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.addEventListener('click', async () => {
      const source = $<HTMLElement>(`[data-out="${button.dataset['copy']}"]`, result);
      const label = button.textContent;
      try {
        await navigator.clipboard.writeText(source.textContent ?? '');
        button.textContent = 'Kopierat';
      } catch {
        // Without clipboard access, select the text so the visitor can copy it themselves.
        getSelection()?.selectAllChildren(source);
        button.textContent = 'Markerat: kopiera med Ctrl+C';
      }
      setTimeout(() => (button.textContent = label), 2500);
    });
  }
  $<HTMLButtonElement>('[data-print]').addEventListener('click', () => print());

  form.hidden = false;
  $<HTMLElement>('[data-request-fallback]').hidden = true;
  const preselected = parseRequestType(new URLSearchParams(location.search).get('arende'));
  if (preselected) {
    const radio = form.querySelector<HTMLInputElement>(`#arende-${preselected}`);
    if (radio) radio.checked = true;
    showType(preselected);
  }
}

const form = document.querySelector<HTMLFormElement>('[data-request-form]');
const setup = readSetup(document.getElementById('request-setup')?.textContent);
if (form && setup) start(form, setup);
