/** The composed e-mail: shown with Kopiera buttons, handed to the mail program, or POSTed to the endpoint. */
import type { ComposedMessage } from '../../lib/requests/compose.ts';
import { $, setText } from './dom.ts';

/** Shows the message for copying and hands it to the visitor's mail program, if they have one. */
export function showMessage(result: HTMLElement, message: ComposedMessage): void {
  setText(result, 'to', message.to);
  setText(result, 'subject', message.subject);
  setText(result, 'body', message.body);
  const mailto = $<HTMLAnchorElement>('[data-mailto]', result);
  mailto.href = message.mailto;
  result.hidden = false;
  result.focus();
  mailto.click();
}

/** Each Kopiera button copies its part; without clipboard access it selects the text instead. */
export function wireCopyButtons(result: HTMLElement): void {
  for (const button of result.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.addEventListener('click', async () => {
      const source = $(`[data-out="${button.dataset['copy']}"]`, result);
      const label = button.textContent;
      try {
        await navigator.clipboard.writeText(source.textContent ?? '');
        button.textContent = 'Kopierat';
      } catch {
        getSelection()?.selectAllChildren(source);
        button.textContent = 'Markerat: kopiera med Ctrl+C';
      }
      setTimeout(() => (button.textContent = label), 2500);
    });
  }
}

const notice = (className: string, text: string) =>
  Object.assign(document.createElement('p'), { className, textContent: text });

/**
 * POSTs the request to the endpoint. On success the status says so; on failure
 * everything typed stays in the form and the status offers the e-mail instead.
 */
export async function sendToEndpoint(
  endpoint: string,
  payload: URLSearchParams,
  status: HTMLElement,
  fallback: ComposedMessage,
): Promise<boolean> {
  status.textContent = 'Skickar …';
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      body: payload,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    status.replaceChildren(
      notice(
        'rounded-md border-l-4 border-green-700 bg-green-50 p-4 font-semibold text-green-950',
        `Din begäran är skickad. Din referens är ${payload.get('referens')}.`,
      ),
    );
    return true;
  } catch {
    const failure = notice(
      'rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-950',
      'Det gick inte att skicka din begäran. Allt du skrivit finns kvar i formuläret: försök igen om en stund, eller ',
    );
    const link = Object.assign(document.createElement('a'), {
      href: fallback.mailto,
      textContent: 'skicka den som e-post',
      className: 'font-semibold underline',
    });
    failure.append(link, '.');
    status.replaceChildren(failure);
    return false;
  }
}
