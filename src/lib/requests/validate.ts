import { validatePersonnummer } from './personnummer.ts';
import type { FieldName, RequestAction, RequestType, RequestValues } from './types.ts';

/** Longest accepted input per field, in characters. */
export const LIMITS: Readonly<Record<Exclude<FieldName, 'channels'>, number>> = {
  name: 100,
  email: 254,
  phone: 30,
  customerNumber: 30,
  wrong: 2000,
  correct: 2000,
  personnummer: 13,
  street: 100,
  postalCode: 6,
  city: 60,
};

/** The fields a request uses, in the order the form shows them. */
export function fieldsFor(type: RequestType, action: RequestAction): FieldName[] {
  switch (type) {
    case 'sparr':
      return ['name', 'email', 'phone', 'customerNumber', 'channels'];
    case 'rattelse':
      return ['name', 'email', 'wrong', 'correct'];
    case 'registerutdrag':
      // The personnummer goes into the printed letter only, never into an e-mail.
      return action === 'letter'
        ? ['name', 'personnummer', 'street', 'postalCode', 'city']
        : ['name', 'email', 'street', 'postalCode', 'city'];
  }
}

const OPTIONAL: ReadonlySet<FieldName> = new Set(['phone', 'customerNumber']);

const MISSING: Readonly<Record<FieldName, string>> = {
  name: 'Fyll i ditt namn.',
  email: 'Fyll i din e-postadress.',
  phone: '',
  customerNumber: '',
  channels: 'Välj minst en kanal.',
  wrong: 'Beskriv vilka uppgifter som är fel.',
  correct: 'Skriv vad det ska stå i stället.',
  personnummer: 'Fyll i ditt personnummer.',
  street: 'Fyll i din gatuadress.',
  postalCode: 'Fyll i ditt postnummer.',
  city: 'Fyll i din ort.',
};

/** Something like name@example.se: no spaces, one @, a dot in the domain. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;
const PHONE = /^\+?[\d\s()-]{5,}$/;
const CUSTOMER_NUMBER = /^[\p{L}\d-]+$/u;
const POSTAL_CODE = /^\d{3} ?\d{2}$/;

/** One field's problem, in Swedish, or undefined when it is fine. */
function checkField(field: FieldName, values: RequestValues, today: string): string | undefined {
  if (field === 'channels') return values.channels.length === 0 ? MISSING.channels : undefined;
  const value = values[field].trim();
  if (value === '') return OPTIONAL.has(field) ? undefined : MISSING[field];
  if (value.length > LIMITS[field]) {
    return `Skriv högst ${LIMITS[field]} tecken (nu ${value.length}).`;
  }
  switch (field) {
    case 'email':
      return EMAIL.test(value) ? undefined : 'Skriv en giltig e-postadress, till exempel namn@exempel.se.';
    case 'phone':
      return PHONE.test(value) ? undefined : 'Skriv telefonnumret med siffror, till exempel 070-123 45 67.';
    case 'customerNumber':
      return CUSTOMER_NUMBER.test(value)
        ? undefined
        : 'Kundnumret kan bara innehålla bokstäver, siffror och bindestreck.';
    case 'postalCode':
      return POSTAL_CODE.test(value) ? undefined : 'Skriv postnumret med fem siffror, till exempel 111 43.';
    case 'personnummer': {
      const result = validatePersonnummer(value, today);
      return result.ok ? undefined : result.error;
    }
    default:
      return undefined;
  }
}

/**
 * Every problem with a request before anything is composed or sent, field by
 * field in form order. Empty when the request can go.
 */
export function validateRequest(
  type: RequestType,
  action: RequestAction,
  values: RequestValues,
  today: string,
): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  for (const field of fieldsFor(type, action)) {
    const problem = checkField(field, values, today);
    if (problem) errors[field] = problem;
  }
  return errors;
}
