/** The form's fields: what the visitor typed, and the errors beside them. */
import {
  CHANNELS,
  TEXT_FIELDS,
  type Channel,
  type FieldName,
  type RequestValues,
  type TextField,
} from '../../lib/requests/catalogue.ts';
import { $ } from './dom.ts';

export interface FormFields {
  values(): RequestValues;
  showErrors(errors: Partial<Record<FieldName, string>>): void;
  clearErrors(): void;
}

const isChannel = (value: string): value is Channel => value in CHANNELS;

/** The form's fields; which of them show is ./main.ts's to decide. */
export function formFields(form: HTMLFormElement): FormFields {
  const control = (field: TextField) => form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#f-${field}`);
  const channelBoxes = () => [...form.querySelectorAll<HTMLInputElement>('input[name="channels"]')];
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
