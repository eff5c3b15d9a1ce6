/** The element a selector names; the form's markup guarantees it is there. */
export const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T =>
  root.querySelector<T>(selector)!;

/** Writes text into the `[data-out=<key>]` element under `root`. */
export function setText(root: ParentNode, key: string, text: string): void {
  $(`[data-out="${key}"]`, root).textContent = text;
}

/** Lines separated by `<br>`, as text: nothing typed becomes markup. */
export function renderLines(element: HTMLElement, lines: readonly string[]): void {
  element.replaceChildren(
    ...lines.flatMap((line, index) => (index === 0 ? [line] : [document.createElement('br'), line])),
  );
}
