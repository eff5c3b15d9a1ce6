import type { ConsentRecord } from './store.ts';

/** The columns of a CSV export, in order: every field of a record. */
const COLUMNS = [
  'id',
  'receivedAt',
  'event',
  'consentId',
  'visitorTime',
  'categories',
  'cookiePolicyVersion',
  'cookiePolicyEffective',
  'revision',
  'gpc',
  'bannerHash',
  'action',
  'layer',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof ConsentRecord)[];

/** One CSV field (RFC 4180): empty for null, lists comma-separated, quoted where needed. */
function cell(value: ConsentRecord[(typeof COLUMNS)[number]]): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join(',') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The first line of a CSV export: the column names. */
export const CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** One record as a line of CSV, CRLF-terminated. */
export const csvLine = (record: ConsentRecord): string =>
  `${COLUMNS.map((column) => cell(record[column])).join(',')}\r\n`;
