/**
 * The label after `previous`: dotted numbers count up in their last part
 * ("1" → "2", "2.1" → "2.2"); anything else cannot be counted on safely, so it
 * gets " (ny)" appended and `counted` is false so the editor is told.
 */
export function nextVersionLabel(previous: string): { label: string; counted: boolean } {
  const match = /^((?:\d+\.)*)(\d+)$/.exec(previous);
  if (!match) return { label: `${previous} (ny)`, counted: false };
  // BigInt so a long label never turns into exponent notation.
  return { label: `${match[1]}${BigInt(match[2]!) + 1n}`, counted: true };
}
