/**
 * The one source of the company's facts. Every page, the footer, the feed and
 * the meta tags read from here, so a changed phone number is changed once.
 */
export interface SiteConfig {
  /** The short name used in running text. */
  name: string;
  /** The registered company name. */
  legalName: string;
  /** Swedish organisation number (organisationsnummer). */
  orgNr: string;
  /** The production origin, without a trailing slash. */
  url: string;
  /** The address visitors write to, for everything including privacy matters. */
  email: string;
  phone: {
    /** The number as printed in the company text (shown with non-breaking spaces, so it never wraps). */
    display: string;
    /** The same number for `tel:` links (E.164). */
    e164: string;
  };
  address: {
    street: string;
    postalCode: string;
    city: string;
  };
  /** Short description used on the home page and in meta tags. */
  description: string;
  /**
   * Where privacy requests go by e-mail, exactly as the privacy policy in force
   * states it (a test compares the two). The address for letters belongs to the
   * privacy policy version (`letterAddress`), or is the company's `address`.
   */
  privacyRequests: {
    recipient: string;
  };
}

export const site: SiteConfig = {
  name: 'Tech Troopers',
  legalName: 'Tech Troopers AB',
  orgNr: '556971-4966',
  url: 'https://techtroopers.com',
  email: 'hello@techtroopers.com',
  phone: { display: '+46 (0)10 151 10 00', e164: '+46101511000' },
  address: { street: 'Kungsgatan 3', postalCode: '111 43', city: 'Stockholm' },
  description:
    'Tech Troopers AB erbjuder teknik och IT-tjänster som inte äventyrar kundernas och besökarnas integritet.',
  privacyRequests: {
    recipient: 'hello@techtroopers.com',
  },
};

/** The company's street address as the lines of an envelope: street, then postal code and city. */
export const addressLines: readonly string[] = [site.address.street, `${site.address.postalCode} ${site.address.city}`];

/** The phone number as shown: with non-breaking spaces, so that it never wraps. */
export const phoneDisplay: string = site.phone.display.replaceAll(' ', '\u00a0');
