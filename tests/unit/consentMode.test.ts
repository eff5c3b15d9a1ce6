import { describe, expect, it } from 'vitest';
import { toPageConsent } from '../../src/lib/consent/bannerTexts';
import { CONSENT_SIGNALS, consentModeState, signalCategories } from '../../src/lib/consent/consentMode';
import { declarationProblems, type CookieCategory, type CookieDeclaration } from '../../src/lib/consent/declaration';
import { buildConsentSetup } from '../../src/lib/consent/setup';
import { cookieCategorySchema } from '../../src/lib/schema/index.ts';

const necessary: CookieCategory = { id: 'necessary', title: 'Nödvändiga', description: 'Sparar dina val.' };
const statistics: CookieCategory = { id: 'statistics', title: 'Statistik', description: 'Besöksstatistik med Matomo.' };
const marketing: CookieCategory = {
  id: 'marketing',
  title: 'Marknadsföring',
  description: 'Annonser genom Google Tag Manager.',
  consentSignals: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

const declaration = (categories: CookieCategory[]): CookieDeclaration => ({
  categories,
  cookies: [
    {
      name: 'cc_cookie',
      provider: 'Tech Troopers',
      party: 'first',
      purpose: 'Dina val.',
      duration: '6 månader',
      category: 'necessary',
    },
  ],
});

const denied = Object.fromEntries(CONSENT_SIGNALS.map((signal) => [signal, 'denied']));

describe('Consent Mode follows the declaration', () => {
  const signals = signalCategories([necessary, statistics, marketing]);

  it('grants a signal only through the category that declares it', () => {
    expect(signals).toEqual({ ad_storage: 'marketing', ad_user_data: 'marketing', ad_personalization: 'marketing' });
  });

  it('keeps analytics_storage denied when only statistics is accepted and statistics declares no signal', () => {
    expect(consentModeState(signals, ['necessary', 'statistics'])).toEqual(denied);
  });

  it('grants marketing’s signals, and no other, when marketing is accepted', () => {
    expect(consentModeState(signals, ['necessary', 'statistics', 'marketing'])).toEqual({
      ...denied,
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
    });
  });

  it('grants analytics_storage with statistics only where the declaration says so', () => {
    const declared = signalCategories([necessary, { ...statistics, consentSignals: ['analytics_storage'] }, marketing]);
    expect(consentModeState(declared, ['necessary', 'statistics'])).toEqual({
      ...denied,
      analytics_storage: 'granted',
    });
  });

  it('denies every signal, functionality and personalization included, when the declaration names none', () => {
    const none = signalCategories([necessary, statistics, { ...marketing, consentSignals: undefined }]);
    expect(none).toEqual({});
    expect(consentModeState(none, ['necessary', 'statistics', 'marketing'])).toEqual(denied);
  });

  it('is carried on every page, from the cookie policy in force', () => {
    const setup = buildConsentSetup(
      [
        {
          version: '2',
          effective: '2027-01-01',
          summary: 'Ny version.',
          url: '/cookiepolicy/',
          changesUrl: undefined,
          material: false,
          declaration: declaration([necessary, statistics, marketing]),
        },
      ],
      {},
      undefined,
    );
    expect(toPageConsent(setup).signals).toEqual(signals);
  });
});

describe('the declared signals', () => {
  it('refuses a signal that two categories grant', () => {
    expect(
      declarationProblems(declaration([necessary, { ...statistics, consentSignals: ['ad_storage'] }, marketing])),
    ).toEqual([
      {
        path: ['categories', 2, 'consentSignals'],
        message: 'the signal "ad_storage" is already granted by "statistics"; each signal belongs to one purpose',
      },
    ]);
  });

  it('accepts Google’s seven signals and nothing else', () => {
    expect(cookieCategorySchema.safeParse({ ...marketing }).success).toBe(true);
    const wrong = cookieCategorySchema.safeParse({ ...marketing, consentSignals: ['ads'] });
    expect(wrong.error?.issues[0]?.message).toBe(
      `"consentSignals" must be one of ${CONSENT_SIGNALS.join(', ')}, got "ads"`,
    );
  });
});
