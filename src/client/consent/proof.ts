/**
 * The "Ditt samtycke" section of the preferences, worded from what the consent cookie holds.
 * Only the preferences show it, so it loads with their styles (banner.ts), not with the banner.
 */
import type { PageConsent } from '../../lib/consent/setup.ts';
import type { ConsentProof, StoredConsent } from '../../lib/consent/stored.ts';
import { PROOF, type ProofText } from './startTools.ts';

const DATE_TIME = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });

function proofText(stored: StoredConsent, data: ConsentProof, categories: PageConsent['categories']): string {
  const titles = new Map(categories.map((category) => [category.id as string, category.title]));
  return (
    `Samtyckes-id: ${stored.consentId}. ` +
    `Lämnat ${DATE_TIME.format(new Date(stored.consentTimestamp))}` +
    (stored.lastConsentTimestamp
      ? `, senast ändrat ${DATE_TIME.format(new Date(stored.lastConsentTimestamp))}. `
      : '. ') +
    `Godkända kategorier: ${stored.categories.map((id) => titles.get(id) ?? id).join(', ')}. ` +
    `Samtycket avser cookiepolicyn version ${data.policyVersion}, som gäller sedan ${DATE.format(new Date(`${data.policyEffective}T00:00:00Z`))}. ` +
    'Uppge samtyckes-id:t om du vill fråga oss om ditt samtycke.'
  );
}

// Built as a module of its own (see boot.ts), it hands itself to the banner by this name.
globalThis[PROOF] = proofText satisfies ProofText;
