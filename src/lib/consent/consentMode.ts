// Plain types and functions only: the script every page runs bundles this module.

import type { CategoryId } from './categories.ts';

/**
 * Google's Consent Mode v2 signals. Tag Manager passes each on to Google's tags,
 * which read it as the visitor's consent to that use.
 */
export const CONSENT_SIGNALS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;
export type ConsentSignal = (typeof CONSENT_SIGNALS)[number];

/** What Tag Manager is told, every signal named. */
export type ConsentModeState = Record<ConsentSignal, 'granted' | 'denied'>;

/** Which category's consent grants each signal; a signal left out is granted by none. */
export type SignalCategories = Partial<Record<ConsentSignal, CategoryId>>;

/**
 * Which category grants each signal, as the declaration's categories say
 * (`consentSignals`). A signal no category declares is granted by none: consent
 * to a purpose is never stretched to one the visitor was not told of
 * (EDPB Guidelines 05/2020 on granularity). The build refuses a signal declared
 * by two categories (see declarationProblems), so each has at most one.
 */
export function signalCategories(
  categories: readonly { id: CategoryId; consentSignals?: readonly ConsentSignal[] | undefined }[],
): SignalCategories {
  const result: SignalCategories = {};
  for (const category of categories) {
    for (const signal of category.consentSignals ?? []) result[signal] ??= category.id;
  }
  return result;
}

/**
 * The Consent Mode state for the categories `granted`: a signal is granted only
 * when the category that declares it is among them; every other signal,
 * undeclared ones included, is denied.
 */
export function consentModeState(signals: SignalCategories, granted: readonly string[]): ConsentModeState {
  return Object.fromEntries(
    CONSENT_SIGNALS.map((signal) => {
      const category = signals[signal];
      return [signal, category !== undefined && granted.includes(category) ? 'granted' : 'denied'];
    }),
  ) as ConsentModeState;
}
