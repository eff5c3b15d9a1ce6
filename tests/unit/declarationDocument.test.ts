// The machine-readable declaration, /cookiepolicy/deklaration.json: what the
// site publishes, and how a reader checks it.
import { describe, expect, it } from 'vitest';
import type { CookieDeclaration } from '../../src/lib/consent/declaration';
import { toDeclarationDocument } from '../../src/lib/consent/declarationDocument';
import { declarationDocumentSchema } from '../../tools/cookie-scan/declaration/schema';
import { buildConsentSetup } from '../../src/lib/consent/setup';

const declaration: CookieDeclaration = {
  categories: [
    { id: 'necessary', title: 'Nödvändiga', description: 'Dina val.' },
    { id: 'statistics', title: 'Statistik', description: 'Besöksstatistik.' },
  ],
  cookies: [
    {
      name: 'cc_cookie',
      provider: 'Tech Troopers',
      party: 'first',
      purpose: 'Dina val.',
      duration: '6 månader',
      category: 'necessary',
    },
    {
      name: '_pk_id.*',
      provider: 'Tech Troopers (Matomo)',
      party: 'first',
      purpose: 'Besökare.',
      duration: '13 månader',
      category: 'statistics',
    },
    {
      name: 'tt-db',
      storage: 'indexedDB',
      provider: 'Tech Troopers',
      party: 'first',
      purpose: 'Sparar utkast.',
      duration: '1 år',
      category: 'statistics',
    },
  ],
};

describe('the machine-readable declaration', () => {
  const document = toDeclarationDocument(
    buildConsentSetup(
      [
        {
          version: '2',
          effective: '2027-01-15',
          summary: 'S.',
          url: '/cookiepolicy/',
          changesUrl: undefined,
          material: false,
          declaration,
        },
      ],
      { matomo: { url: 'https://matomo.techtroopers.com/', siteId: '1' } },
      'https://log.techtroopers.com/samtycke',
    ),
    'https://techtroopers.com',
  );

  it('says which version is in force, where it is, and writes out every storage type', () => {
    expect(document.policy).toEqual({
      version: '2',
      effective: '2027-01-15',
      url: 'https://techtroopers.com/cookiepolicy/',
      permanentUrl: 'https://techtroopers.com/cookiepolicy/versioner/2027-01-15/',
    });
    expect(document.entries.map((entry) => [entry.name, entry.storage])).toEqual([
      ['cc_cookie', 'cookie'],
      ['_pk_id.*', 'cookie'],
      ['tt-db', 'indexedDB'],
    ]);
    expect(document.tools).toEqual([
      {
        id: 'matomo',
        name: 'Matomo',
        category: 'statistics',
        origins: ['https://matomo.techtroopers.com'],
        urls: ['https://matomo.techtroopers.com/'],
      },
    ]);
    expect(document.endpoints).toEqual([
      { name: 'Samtyckeslogg', url: 'https://log.techtroopers.com/samtycke', category: 'necessary' },
    ]);
  });

  it('reads back as it was written', () => {
    expect(declarationDocumentSchema.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);
  });

  it('names what is wrong in a broken one', () => {
    const broken = JSON.parse(JSON.stringify(document));
    broken.entries[1].category = 'reklam';
    broken.tools[0].origins = 'matomo';
    delete broken.policy;
    const result = declarationDocumentSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'policy: "policy" must say which cookie policy version is in force',
      'entries.1.category: "category" must be one of necessary, statistics, marketing, got "reklam"',
      'tools.0.origins: "origins" must be a list of the origins the tool loads from',
    ]);
  });

  it('refuses an unsound declaration: no necessary category', () => {
    const unsound = { ...document, categories: document.categories.slice(1) };
    expect(declarationDocumentSchema.safeParse(unsound).error?.issues.map((issue) => issue.message)).toContain(
      '"necessary" must be declared; the consent cookie belongs to it',
    );
  });
});
