import {
  CHANNELS_FIELD,
  fieldsFor,
  TEXT_FIELDS,
  type FieldCheck,
  type FieldName,
  type RequestAction,
  type RequestType,
  type RequestValues,
  type TextField,
} from './catalogue.ts';
import type { validatePersonnummer } from './personnummer.ts';

/**
 * The personnummer check (`validatePersonnummer`), passed in by whoever validates a letter, the
 * one route that asks for a personnummer: the form's e-mail route loads without it.
 */
export type PersonnummerCheck = typeof validatePersonnummer;

/** Something like name@example.se: no spaces, one @, a dot in the domain. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;
const PHONE = /^\+?[\d\s()-]{5,}$/;
const CUSTOMER_NUMBER = /^[\p{L}\d-]+$/u;
const POSTAL_CODE = /^\d{3} ?\d{2}$/;

/** The check of each kind of field, with its message in Swedish. */
const CHECKS: Readonly<Record<Exclude<FieldCheck, 'personnummer'>, [RegExp, string]>> = {
  email: [EMAIL, 'Skriv en giltig e-postadress, till exempel namn@exempel.se.'],
  phone: [PHONE, 'Skriv telefonnumret med siffror, till exempel 070-123 45 67.'],
  customerNumber: [CUSTOMER_NUMBER, 'Kundnumret kan bara innehålla bokstäver, siffror och bindestreck.'],
  postalCode: [POSTAL_CODE, 'Skriv postnumret med fem siffror, till exempel 111 43.'],
};

/** One text field's problem, in Swedish, or undefined when it is fine. */
function checkText(
  field: TextField,
  value: string,
  today: string,
  checkPersonnummer: PersonnummerCheck | undefined,
): string | undefined {
  const spec = TEXT_FIELDS[field];
  const trimmed = value.trim();
  if (trimmed === '') return 'optional' in spec ? undefined : spec.missing;
  if (trimmed.length > spec.max) return `Skriv högst ${spec.max} tecken (nu ${trimmed.length}).`;
  if (!('check' in spec)) return undefined;
  if (spec.check === 'personnummer') {
    if (!checkPersonnummer)
      throw new Error(`The field ${field} needs the personnummer check: pass validatePersonnummer.`);
    const result = checkPersonnummer(trimmed, today);
    return result.ok ? undefined : result.error;
  }
  const [pattern, message] = CHECKS[spec.check];
  return pattern.test(trimmed) ? undefined : message;
}

/**
 * Every problem with a request before anything is composed or sent, field by
 * field in form order. Empty when the request can go. `checkPersonnummer` is required where
 * the request's fields include the personnummer (a letter).
 */
export function validateRequest(
  type: RequestType,
  action: RequestAction,
  values: RequestValues,
  today: string,
  checkPersonnummer?: PersonnummerCheck,
): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  for (const field of fieldsFor(type, action)) {
    const problem =
      field === 'channels'
        ? values.channels.length === 0
          ? CHANNELS_FIELD.missing
          : undefined
        : checkText(field, values[field], today, checkPersonnummer);
    if (problem) errors[field] = problem;
  }
  return errors;
}
