/**
 * The form's fields: which ones the chosen request and route show, what the
 * visitor typed, and the errors beside them.
 */
import {
  CHANNELS,
  fieldsFor,
  REQUESTS,
  TEXT_FIELDS,
  type Channel,
  type FieldName,
  type RequestAction,
  type RequestType,
  type RequestValues,
  type TextField,
} from '../../lib/requests/catalogue.ts';
import { $ } from './dom.ts';

export interface FormFields {
  /** Shows what a request type and route use; the other fields are hidden and disabled, and keep what was typed. */
  show(type: RequestType, route: RequestAction): void;
  /** The route chosen for the request shown: the letter where offered and chosen, else the message. */
  route(type: RequestType): RequestAction;
  values(): RequestValues;
  showErrors(errors: Partial<Record<FieldName, string>>): void;
  clearErrors(): void;
}

const isChannel = (value: string): value is Channel => value in CHANNELS;

/**
 * The form's fields. `offersLetter`: the privacy policy in force mentions a
 * letter, so the requests that may be made by letter offer one, after e-mail.
 */
export function formFields(form: HTMLFormElement, offersLetter: boolean): FormFields {
  const letterFor = (type: RequestType) => offersLetter && REQUESTS[type].letter !== undefined;
  const control = (field: TextField) => form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#f-${field}`);
  const channelBoxes = () => [...form.querySelectorAll<HTMLInputElement>('input[name="channels"]')];
  const routeBox = $<HTMLFieldSetElement>('[data-route]', form);
  const summary = $('[data-error-summary]', form);
  const errorTarget = (field: FieldName) => (field === 'channels' ? channelBoxes()[0] : control(field));

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
      const target = errorTarget(field);
      target?.removeAttribute('aria-invalid');
      if (target && field !== 'channels') describedBy(target, `f-${field}-fel`, false);
    }
  }

  return {
    show(type, route) {
      const letter = letterFor(type);
      const shown = letter ? route : 'message';
      routeBox.hidden = !letter;
      for (const radio of routeBox.querySelectorAll<HTMLInputElement>('input')) {
        radio.disabled = !letter;
        radio.checked = radio.value === shown;
      }
      const inUse = new Set<string>(fieldsFor(type, shown));
      for (const wrapper of form.querySelectorAll<HTMLElement>('[data-field]')) {
        const field = wrapper.dataset['field'];
        const used = field === 'address' ? inUse.has('street') : inUse.has(field ?? '');
        wrapper.hidden = !used;
        for (const element of wrapper.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
          element.disabled = !used;
      }
      clearErrors();
    },

    route(type) {
      if (!letterFor(type)) return 'message';
      return routeBox.querySelector<HTMLInputElement>('input:checked')?.value === 'letter' ? 'letter' : 'message';
    },

    values() {
      const fields = Object.keys(TEXT_FIELDS) as TextField[];
      return {
        ...(Object.fromEntries(fields.map((field) => [field, control(field)?.value ?? ''])) as Record<
          TextField,
          string
        >),
        channels: channelBoxes()
          .filter((box) => box.checked)
          .map((box) => box.value)
          .filter(isChannel),
      };
    },

    /** Puts each error next to its field, tied with aria-describedby, and moves focus to the first. */
    showErrors(errors) {
      clearErrors();
      const list = $('[data-error-list]', form);
      list.replaceChildren();
      let first: HTMLElement | undefined;
      for (const [field, problem] of Object.entries(errors) as [FieldName, string][]) {
        const message = $(`[data-error-for="${field}"]`, form);
        message.textContent = problem;
        message.hidden = false;
        const target = errorTarget(field);
        if (target) {
          target.setAttribute('aria-invalid', 'true');
          if (field !== 'channels') describedBy(target, `f-${field}-fel`, true);
          first ??= target;
        }
        const link = Object.assign(document.createElement('a'), {
          href: field === 'channels' ? '#f-channels-fel' : `#f-${field}`,
          className: 'underline',
          textContent: problem,
        });
        const item = document.createElement('li');
        item.append(link);
        list.append(item);
      }
      summary.hidden = false;
      first?.focus();
    },

    clearErrors,
  };
}
