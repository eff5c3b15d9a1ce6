/** Text made safe to put into HTML, as text: `&`, `<`, `>`, `"` and `'` become character references. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
