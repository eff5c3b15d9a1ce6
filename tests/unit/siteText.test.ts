import { describe, expect, it } from 'vitest';
import {
  describeSiteTextFindings,
  POLICY_TEXT_ATTRIBUTE,
  siteCopy,
  siteTextFindings,
} from '../../src/lib/publication/siteText';
import { textFindings } from '../../src/lib/publication/lawRules';
import { LEGAL_BASES, RECIPIENT_ROLE_LABELS, SAFEGUARD_LABELS } from '../../src/lib/privacy/register';
import { RIGHTS } from '../../src/lib/privacy/rights';
import { POLICIES } from '../../src/lib/policyCatalog';
import { CHANNELS, REQUESTS, TEXT_FIELDS } from '../../src/lib/requests/catalogue';
import { site } from '../../src/site.config';

/** A built page as Astro writes one: head, banner configuration as JSON, the page's copy, and a policy version's text. */
const page = (body: string, banner: unknown = { title: 'Vi använder cookies' }) =>
  `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Kontakt &ndash; Tech Troopers</title>` +
  `<style>.pul{color:red}</style></head><body>${body}` +
  `<script type="application/json" id="consent-setup">${JSON.stringify(banner)}</script>` +
  `<script type="module">const pul = "PuL";</script></body></html>`;

describe("the site's own copy of a built page", () => {
  it('is the text of its elements, the attributes a visitor reads and the strings of its JSON, without code or styles', () => {
    const copy = siteCopy(
      page(
        '<main><h1>Kontakt</h1><p>Skriv till <a href="/x" title="Öppna e-post">oss</a>&nbsp;idag.</p><img alt="Karta"></main>',
      ),
    );
    expect(copy.split('\n').filter(Boolean)).toEqual([
      'Kontakt – Tech Troopers',
      'Kontakt',
      'Skriv till',
      'Öppna e-post',
      'oss idag.',
      'Karta',
      'Vi använder cookies',
    ]);
  });

  it('leaves out every element marked as a policy version’s text, nested elements and all', () => {
    const copy = siteCopy(
      page(
        `<p>Före</p><div ${POLICY_TEXT_ATTRIBUTE} class="contents"><div><h2>Personvern</h2><div>PuL</div></div><p>PuL</p></div>` +
          `<ul ${POLICY_TEXT_ATTRIBUTE}><li>Safe Harbor</li></ul><p>Efter</p>`,
      ),
    );
    expect(copy).toContain('Före');
    expect(copy).toContain('Efter');
    expect(copy).not.toMatch(/Personvern|PuL|Safe Harbor/);
  });
});

describe('the current-law check of the site’s own copy', () => {
  it('finds an old law in a component’s text, an attribute or the banner’s texts, naming the page and the text', () => {
    const findings = siteTextFindings([
      { page: 'index.html', html: page('<footer><p>Tech Troopers AB, PuL, Kungsgatan 3</p></footer>') },
      { page: 'kontakt/index.html', html: page('<button aria-label="Enligt EU-US Privacy Shield">Skicka</button>') },
      {
        page: 'cookiepolicy/index.html',
        html: page('<p>Cookies</p>', { text: 'Genom att fortsätta surfa på webbplatsen godkänner du cookies.' }),
      },
    ]);
    expect(findings.map(({ page: where, rule, phrase, text }) => [where, rule.id, phrase, text])).toEqual([
      ['index.html', 'personuppgiftslagen', 'PuL', 'Tech Troopers AB, PuL, Kungsgatan 3'],
      ['kontakt/index.html', 'privacy-shield', 'EU-US Privacy Shield', 'Enligt EU-US Privacy Shield'],
      [
        'cookiepolicy/index.html',
        'implied-consent',
        'Genom att fortsätta surfa på webbplatsen godkänner',
        'Genom att fortsätta surfa på webbplatsen godkänner du cookies.',
      ],
    ]);
    expect(describeSiteTextFindings(findings.slice(0, 1))).toMatch(
      /^The site's own text cites law or practice that is out of date[^\n]*\n {2}index\.html: "PuL" \(rule personuppgiftslagen\) in "Tech Troopers AB, PuL, Kungsgatan 3"\n {4}Why: /,
    );
  });

  it('finds nothing in a version’s own text, in code, or in a sentence that explains the change', () => {
    const html = page(
      `<article><div ${POLICY_TEXT_ATTRIBUTE}><p>Enligt personuppgiftslagen (SFS 1998:204), kallad PuL.</p></div>` +
        '<p>Personuppgiftslagen har ersatts av dataskyddsförordningen.</p><p>Vi skickar ett nyhetsbrev en gång per år.</p></article>',
    );
    expect(siteTextFindings([{ page: 'integritetspolicy/index.html', html }])).toEqual([]);
  });

  it('keeps text in separate elements apart: two cells are not one phrase', () => {
    const html = page('<table><tr><td>egenhändigt</td></tr><tr><td>undertecknad</td></tr></table>');
    expect(siteTextFindings([{ page: 'a.html', html }])).toEqual([]);
    const wrapped = page('<p>Brevet ska vara egenhändigt\n      undertecknad.</p>');
    expect(siteTextFindings([{ page: 'a.html', html: wrapped }]).map(({ rule }) => rule.id)).toEqual([
      'signed-request',
    ]);
  });
});

describe('the catalogues the pages write from', () => {
  /** Every string in a value, however deep. */
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'object' && value !== null
        ? Object.values(value).flatMap(strings)
        : [];

  it('cite no out-of-date law, including the labels the register and the rights show inside a version’s page', () => {
    // The register's labels render inside a version's marked text, so the built pages' check does not see them.
    const catalogues = {
      site,
      REQUESTS,
      TEXT_FIELDS,
      CHANNELS,
      RIGHTS,
      LEGAL_BASES,
      RECIPIENT_ROLE_LABELS,
      SAFEGUARD_LABELS,
      POLICIES,
    };
    for (const [name, catalogue] of Object.entries(catalogues)) {
      const found = strings(catalogue).flatMap((text) =>
        textFindings(text).map(({ phrase }) => `${phrase} in "${text}"`),
      );
      expect(found, name).toEqual([]);
    }
    // And the check reads them: a label with an old law in it would be found.
    expect(textFindings(`${SAFEGUARD_LABELS['data-privacy-framework']} (tidigare Privacy Shield)`)).toEqual([]);
    expect(textFindings(`${SAFEGUARD_LABELS['data-privacy-framework']}, enligt Privacy Shield`)).toHaveLength(1);
  });
});
