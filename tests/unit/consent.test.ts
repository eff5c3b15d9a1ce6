import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  browserConfig,
  cookiesToClear,
  toCookieConsentConfig,
  type LayerText,
} from '../../src/lib/consent/bannerConfig';
import { canonicalJson, layerTexts, publishedTexts, toPageConsent } from '../../src/lib/consent/bannerTexts';
import {
  compareDeclarations,
  declarationProblems,
  findDeclared,
  namePattern,
  type CookieDeclaration,
} from '../../src/lib/consent/declaration';
import { consentRevision, declarationFingerprint } from '../../src/lib/consent/revision';
import { buildConsentSetup, type ConsentSetup, type DeclaringVersion } from '../../src/lib/consent/setup';
import {
  parseConsentProof,
  parsePageConsent,
  parseStoredConsent,
  readConsentCookie,
} from '../../src/lib/consent/stored';
import { readToolsConfig, toolOrigins, undeclaredToolCookies } from '../../src/lib/consent/toolCatalog';

const declaration: CookieDeclaration = {
  categories: [
    { id: 'necessary', title: 'Nödvändiga', description: 'Sparar dina val.' },
    { id: 'statistics', title: 'Statistik', description: 'Besöksstatistik.' },
    { id: 'marketing', title: 'Marknadsföring', description: 'Riktade annonser.' },
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
      name: '_pk_ses.*',
      provider: 'Tech Troopers (Matomo)',
      party: 'first',
      purpose: 'Besök.',
      duration: '30 minuter',
      category: 'statistics',
    },
    {
      name: '_gcl_au',
      provider: 'Google',
      party: 'third',
      purpose: 'Annonser <b>mätning</b>.',
      duration: '3 månader',
      category: 'marketing',
    },
  ],
};

const version = (
  effective: string,
  decl: CookieDeclaration,
  extra: Partial<DeclaringVersion> = {},
): DeclaringVersion => ({
  version: effective.slice(0, 4),
  effective,
  summary: `Sammanfattning ${effective}`,
  url: '/cookiepolicy/',
  changesUrl: `/cookiepolicy/versioner/${effective}/andringar/`,
  material: false,
  declaration: decl,
  ...extra,
});

const setup = (tools = {}, extra: Partial<ConsentSetup> = {}): ConsentSetup => ({
  ...buildConsentSetup([version('2026-11-24', declaration, { changesUrl: undefined })], tools, undefined),
  ...extra,
});

describe('declarationProblems', () => {
  const described = (declaration: CookieDeclaration) =>
    declarationProblems(declaration).map(({ path, message }) => `${path.join('.')}: ${message}`);

  it('accepts a sound declaration', () => {
    expect(declarationProblems(declaration)).toEqual([]);
  });

  it('requires the necessary category and the consent cookie in it', () => {
    expect(
      described({
        categories: declaration.categories.slice(1),
        cookies: declaration.cookies.map((cookie) =>
          cookie.name === 'cc_cookie' ? { ...cookie, category: 'statistics' as const } : cookie,
        ),
      }),
    ).toEqual([
      'categories.2: "necessary" must be declared; the consent cookie belongs to it',
      'cookies: the consent cookie "cc_cookie" must be declared, in category "necessary"',
    ]);
  });

  it('refuses a cookie in an undeclared category, and a cookie or category declared twice', () => {
    const problems = described({
      categories: [
        ...declaration.categories.filter((category) => category.id !== 'marketing'),
        declaration.categories[0]!,
      ],
      cookies: [...declaration.cookies, declaration.cookies[1]!],
    });
    expect(problems).toEqual([
      'categories.2.id: "necessary" is declared twice',
      'cookies.3.category: "_gcl_au" is in category "marketing", which "categories" does not declare',
      'cookies.4.name: "_pk_id.*" is declared twice',
    ]);
  });
});

describe('cookie name patterns', () => {
  it('reads * as any run of characters and everything else literally', () => {
    expect(namePattern('_pk_id.*').test('_pk_id.1.1f2e')).toBe(true);
    expect(namePattern('_pk_id.*').test('_pk_idX1')).toBe(false);
    expect(namePattern('_gcl_au').test('_gcl_au_x')).toBe(false);
  });

  it('finds the declared cookie a name falls under', () => {
    expect(findDeclared(declaration, '_pk_ses.1.abc')?.category).toBe('statistics');
    expect(findDeclared(declaration, '_fbp')).toBeUndefined();
  });
});

describe('the revision rule', () => {
  // A category's title is its name: renaming it asks nobody again.
  const retitled: CookieDeclaration = {
    categories: declaration.categories.map((category) => ({ ...category, title: category.title.toUpperCase() })),
    cookies: declaration.cookies,
  };
  // Its description is the purpose the visitor consented to: changing it asks again.
  const redescribed: CookieDeclaration = {
    categories: declaration.categories.map((category) =>
      category.id === 'marketing' ? { ...category, description: `${category.description} Nu tydligare.` } : category,
    ),
    cookies: declaration.cookies,
  };
  const withMeta: CookieDeclaration = {
    ...declaration,
    cookies: [
      ...declaration.cookies,
      {
        name: '_fbp',
        provider: 'Meta',
        party: 'third',
        purpose: 'Annonser.',
        duration: '3 månader',
        category: 'marketing',
      },
    ],
  };
  const changing = (field: 'purpose' | 'duration', value: string): CookieDeclaration => ({
    ...declaration,
    cookies: declaration.cookies.map((c) => (c.name === '_pk_id.*' ? { ...c, [field]: value } : c)),
  });

  it('ignores the categories’ titles and the order entries are listed in', () => {
    expect(declarationFingerprint(retitled)).toBe(declarationFingerprint(declaration));
    expect(
      declarationFingerprint({
        categories: [...declaration.categories].reverse(),
        cookies: [...declaration.cookies].reverse(),
      }),
    ).toBe(declarationFingerprint(declaration));
  });

  it.each([
    ['a new cookie', withMeta],
    ['a removed cookie', { ...declaration, cookies: declaration.cookies.slice(0, -1) }],
    [
      'a cookie moved to another category',
      {
        ...declaration,
        cookies: declaration.cookies.map((c) => (c.name === '_gcl_au' ? { ...c, category: 'statistics' as const } : c)),
      },
    ],
    [
      'a new third party',
      {
        ...declaration,
        cookies: declaration.cookies.map((c) => (c.name === '_gcl_au' ? { ...c, provider: 'Microsoft' } : c)),
      },
    ],
    [
      'a cookie that becomes third-party',
      {
        ...declaration,
        cookies: declaration.cookies.map((c) => (c.name === '_pk_id.*' ? { ...c, party: 'third' as const } : c)),
      },
    ],
    ['a cookie’s new purpose', changing('purpose', 'Besökare, och annonser.')],
    ['a cookie’s new duration', changing('duration', '25 månader')],
    ['a category’s new description (the purpose the visitor was shown)', redescribed],
    [
      'a Google consent signal a category newly grants',
      {
        ...declaration,
        categories: declaration.categories.map((category) =>
          category.id === 'statistics' ? { ...category, consentSignals: ['analytics_storage' as const] } : category,
        ),
      },
    ],
    [
      'an entry moved from a cookie to other storage',
      {
        ...declaration,
        cookies: declaration.cookies.map((c) =>
          c.name === '_pk_ses.*' ? { ...c, storage: 'localStorage' as const } : c,
        ),
      },
    ],
    [
      'a category dropped',
      { categories: declaration.categories.slice(0, 2), cookies: declaration.cookies.slice(0, 3) },
    ],
  ])('counts %s as a change of what consent is given to', (_, changed) => {
    expect(declarationFingerprint(changed)).not.toBe(declarationFingerprint(declaration));
  });

  it('starts at 1 and goes up when the declaration changes or a version is material', () => {
    const first = version('2026-11-24', declaration);
    // The policy's text may change in a version that is not material; its declaration is the same.
    const wording = version('2027-02-15', retitled);
    const meta = version('2027-06-15', withMeta);
    expect(consentRevision([first])).toEqual({ revision: 1, since: first });
    expect(consentRevision([first, wording])).toEqual({ revision: 1, since: first });
    expect(consentRevision([first, wording, meta])).toEqual({ revision: 2, since: meta, change: 'storage' });
    expect(consentRevision([first, meta, version('2028-01-01', declaration)]).revision).toBe(3);
    const duration = version('2027-03-01', changing('duration', '25 månader'));
    expect(consentRevision([first, duration])).toEqual({ revision: 2, since: duration, change: 'storage' });
    // A new description of a purpose asks again, as a change of purpose, not of cookies.
    const purpose = version('2027-03-01', redescribed);
    expect(consentRevision([first, wording, purpose])).toEqual({ revision: 2, since: purpose, change: 'purposes' });
    // A material version asks again even when its declaration is the same.
    const material = version('2027-04-01', declaration, { material: true });
    expect(consentRevision([first, wording, material])).toEqual({ revision: 2, since: material, change: 'text' });
  });

  it('tells returning visitors what changed, with a link, only when they are asked again', () => {
    const first = version('2026-11-24', declaration, { changesUrl: undefined });
    expect(buildConsentSetup([first, version('2027-02-15', retitled)], {}, undefined).revisionNote).toBeUndefined();
    const asked = buildConsentSetup(
      [first, version('2027-06-15', withMeta), version('2027-08-01', withMeta)],
      {},
      undefined,
    );
    expect(asked.revision).toBe(2);
    expect(asked.revisionNote).toEqual({
      summary: 'Sammanfattning 2027-06-15',
      change: 'storage',
      changesUrl: '/cookiepolicy/versioner/2027-06-15/andringar/',
    });
    expect(asked.policy).toEqual({ version: '2027', effective: '2027-08-01', url: '/cookiepolicy/' });
    const config = toCookieConsentConfig(asked, { gpc: false });
    expect(config.revision).toBe(2);
    expect(config.language.translations['sv']).toMatchObject({
      consentModal: {
        revisionMessage: expect.stringContaining('href="/cookiepolicy/versioner/2027-06-15/andringar/"'),
      },
    });
  });

  it.each([
    ['storage', withMeta, false, 'Vi har ändrat vilka cookies vi använder sedan du gjorde ditt val:'],
    ['purposes', redescribed, false, 'Vi har ändrat vad vi ber om ditt samtycke till sedan du gjorde ditt val:'],
    ['text', declaration, true, 'Vi har ändrat cookiepolicyn sedan du gjorde ditt val:'],
  ] as const)('says truthfully what changed (%s), and links the changes page', (change, next, material, heading) => {
    const first = version('2026-11-24', declaration, { changesUrl: undefined });
    const asked = buildConsentSetup([first, version('2027-03-01', next, { material })], {}, undefined);
    expect(asked.revisionNote?.change).toBe(change);
    const sv = toCookieConsentConfig(asked, { gpc: false }).language.translations['sv'] as {
      consentModal: { revisionMessage: string };
    };
    const message = sv.consentModal.revisionMessage;
    expect(message).toContain(`<strong>${heading}</strong> Sammanfattning 2027-03-01`);
    expect(message).toContain('<a href="/cookiepolicy/versioner/2027-03-01/andringar/">Se vad som ändrats</a>');
    // Only a change of the stored entries is called a change of the cookies.
    expect(message.includes('vilka cookies')).toBe(change === 'storage');
  });
});

describe('toCookieConsentConfig', () => {
  const config = toCookieConsentConfig(setup({ matomo: { url: 'https://stats.example/', siteId: '1' } }), {
    gpc: false,
  });
  const sv = config.language.translations['sv'] as Exclude<
    (typeof config.language.translations)[string],
    string | (() => unknown)
  >;

  it('offers exactly the declared categories, nothing ticked but the necessary, which cannot be turned off', () => {
    expect(Object.keys(config.categories)).toEqual(['necessary', 'statistics', 'marketing']);
    expect(config.categories['necessary']).toEqual({ enabled: true, readOnly: true });
    expect(config.categories['statistics']).toMatchObject({ enabled: false, readOnly: false });
    expect(config.categories['marketing']).toMatchObject({ enabled: false, readOnly: false });
    expect(config.mode).toBe('opt-in');
  });

  it('clears a withdrawn category’s declared cookies, patterns as expressions, and reloads where a tool ran', () => {
    // As JSON, names as declared; in the browser, patterns as expressions.
    expect(config.categories['statistics']?.autoClear?.cookies).toEqual([{ name: '_pk_id.*' }, { name: '_pk_ses.*' }]);
    const page = toPageConsent(setup({ matomo: { url: 'https://stats.example/', siteId: '1' } }));
    const texts = layerTexts(setup(), false);
    const inBrowser = browserConfig(page, false, {
      banner: JSON.parse(texts.banner.body) as LayerText,
      preferences: JSON.parse(texts.preferences.body) as LayerText,
    });
    expect(inBrowser.categories['statistics']?.autoClear).toEqual({
      cookies: [{ name: /^_pk_id\..*$/ }, { name: /^_pk_ses\..*$/ }],
      reloadPage: true,
    });
    // No marketing tool is configured here, so there is nothing running to unload.
    expect(config.categories['marketing']?.autoClear).toEqual({ cookies: [{ name: '_gcl_au' }], reloadPage: false });
    expect(cookiesToClear(declaration.cookies, 'necessary')).toEqual([{ name: 'cc_cookie' }]);
  });

  it('shows the banner to every browser, keeps the page usable, and loads no inline script blocks', () => {
    expect(config).toMatchObject({
      hideFromBots: false,
      disablePageInteraction: false,
      manageScriptTags: false,
      autoShow: true,
    });
    expect(config.guiOptions?.consentModal?.equalWeightButtons).toBe(true);
    expect(config.cookie).toEqual({ name: 'cc_cookie', expiresAfterDays: 182, sameSite: 'Lax' });
  });

  it('names the purposes, the way to withdraw and the policy in Swedish on the first layer', () => {
    expect(sv.consentModal).toMatchObject({
      title: 'Vi använder cookies',
      acceptAllBtn: 'Acceptera alla',
      acceptNecessaryBtn: 'Avvisa alla',
      showPreferencesBtn: 'Inställningar',
      footer: '<a href="/cookiepolicy/">Cookiepolicy</a>',
    });
    expect(sv.consentModal.description).toContain(
      'Med ditt samtycke använder vi cookies för <strong>statistik</strong> och <strong>marknadsföring</strong>.',
    );
    expect(sv.consentModal.description).toContain('under ”Cookieinställningar”');
    expect(sv.consentModal.description).toContain('{{revisionMessage}}');
  });

  it('gives the preferences one section per category with its cookie table, from the declaration', () => {
    const sections = sv.preferencesModal.sections;
    const byCategory = sections.filter((section) => section.linkedCategory);
    expect(byCategory.map((section) => [section.title, section.linkedCategory])).toEqual([
      ['Nödvändiga', 'necessary'],
      ['Statistik', 'statistics'],
      ['Marknadsföring', 'marketing'],
    ]);
    expect(byCategory.flatMap((section) => section.cookieTable?.body.map((row) => row['name']))).toEqual(
      declaration.cookies.map((cookie) => cookie.name),
    );
    // Declared text is data, never markup.
    expect(byCategory[2]?.cookieTable?.body[0]).toMatchObject({
      purpose: 'Annonser &#60;b&#62;mätning&#60;/b&#62;.',
      party: 'Tredjepart',
    });
    expect(Object.values(byCategory[0]!.cookieTable!.headers).every((header) => !header.includes(' '))).toBe(true);
    expect(sections.at(-1)).toMatchObject({ title: 'Ditt samtycke' });
  });

  it('under Global Privacy Control, does not offer marketing and says why', () => {
    const gpc = toCookieConsentConfig(setup(), { gpc: true });
    const gpcSv = gpc.language.translations['sv'] as typeof sv;
    expect(Object.keys(gpc.categories)).toEqual(['necessary', 'statistics']);
    expect(gpcSv.consentModal.description).toContain('Global Privacy Control');
    expect(gpcSv.consentModal.description).toContain('cookies för <strong>statistik</strong>.');
    const marketing = gpcSv.preferencesModal.sections.find((section) => section.title === 'Marknadsföring');
    expect(marketing?.linkedCategory).toBeUndefined();
    expect(marketing?.description).toContain('Global Privacy Control');
    expect(marketing?.cookieTable?.body).toHaveLength(1);
  });
});

describe('what a page carries', () => {
  const page = toPageConsent(setup());

  it('is what the script on every page needs, and the hashes of the banner’s texts for both kinds of browser', () => {
    expect(Object.keys(page).sort()).toEqual([
      'banner',
      'categories',
      'cookieName',
      'policy',
      'revision',
      'signals',
      'texts',
      'tools',
      'versions',
    ]);
    // The banner's settings, for a browser without Global Privacy Control: everything but the texts.
    const { language: _texts, ...settings } = toCookieConsentConfig(setup(), { gpc: false });
    expect(page.banner).toEqual(settings);
    expect(page.categories).toEqual([
      { id: 'necessary', title: 'Nödvändiga' },
      { id: 'statistics', title: 'Statistik' },
      { id: 'marketing', title: 'Marknadsföring' },
    ]);
    const hashes = [
      page.texts.standard.banner,
      page.texts.standard.preferences,
      page.texts.gpc.banner,
      page.texts.gpc.preferences,
    ];
    expect(hashes.every((hash) => /^[0-9a-f]{16}$/.test(hash))).toBe(true);
    expect(new Set(hashes).size).toBe(4);
    // No text of the banner: no description, no cookie table (only the names withdrawal deletes).
    const json = JSON.stringify(page);
    expect(json).not.toContain('Besöksstatistik');
    expect(json).not.toContain('mätning');
    expect(json).not.toContain('Acceptera alla');
    // It travels as JSON.
    expect(JSON.parse(json)).toEqual(page);
  });

  it('is read back as written', () => {
    expect(parsePageConsent(JSON.stringify(page))).toEqual(page);
  });

  it.each([
    undefined,
    '',
    'nonsense',
    '[]',
    'null',
    '{"revision":"1"}',
    JSON.stringify({ ...page, categories: 'all' }),
    JSON.stringify({ ...page, texts: undefined }),
  ])('gives nothing for %j', (json) => {
    expect(parsePageConsent(json)).toBeUndefined();
  });
});

describe('the published texts of the banner', () => {
  const tools = { matomo: { url: 'https://stats.example/', siteId: '1' } };

  it('name each layer’s text by the SHA-256 of its bytes, the hashes the page carries', () => {
    const page = toPageConsent(setup(tools));
    for (const gpc of [false, true]) {
      const texts = layerTexts(setup(tools), gpc);
      for (const layer of ['banner', 'preferences'] as const) {
        const { hash, body } = texts[layer];
        expect(createHash('sha256').update(body).digest('hex').slice(0, 16)).toBe(hash);
        expect(page.texts[gpc ? 'gpc' : 'standard'][layer]).toBe(hash);
        expect(JSON.parse(body)).toMatchObject({
          layer,
          gpc,
          cookiePolicy: { version: '2026', effective: '2026-11-24' },
        });
      }
    }
  });

  it('hold what each layer shows, and nothing else: its buttons, and in the preferences every category and cookie table', () => {
    const texts = layerTexts(setup(tools), false);
    const config = toCookieConsentConfig(setup(tools), { gpc: false });
    const sv = config.language.translations['sv'] as { consentModal: unknown; preferencesModal: unknown };
    const banner = JSON.parse(texts.banner.body) as LayerText;
    const preferences = JSON.parse(texts.preferences.body) as LayerText;
    expect(banner.text).toEqual(sv.consentModal);
    expect(preferences.text).toEqual(sv.preferencesModal);
    expect(Object.keys(banner).sort()).toEqual(['cookiePolicy', 'gpc', 'layer', 'text']);
    expect(Object.keys(preferences).sort()).toEqual(['cookiePolicy', 'gpc', 'layer', 'text']);
  });

  it('with the page, give the banner the configuration the build makes, declared names as patterns', () => {
    for (const gpc of [false, true]) {
      const texts = layerTexts(setup(tools), gpc);
      const inBrowser = browserConfig(toPageConsent(setup(tools)), gpc, {
        banner: JSON.parse(texts.banner.body) as LayerText,
        preferences: JSON.parse(texts.preferences.body) as LayerText,
      });
      const built = toCookieConsentConfig(setup(tools), { gpc });
      for (const category of Object.values(built.categories)) {
        for (const cookie of category.autoClear?.cookies ?? []) {
          if (String(cookie.name).includes('*')) cookie.name = namePattern(String(cookie.name));
        }
      }
      expect(inBrowser).toEqual(built);
    }
  });

  it('change with any word shown, and are the same bytes for the same text', () => {
    const base = layerTexts(setup(tools), false);
    const renamed = setup(tools);
    renamed.categories = renamed.categories.map((category) =>
      category.id === 'statistics' ? { ...category, description: 'Besöksstatistik, anonymt.' } : category,
    );
    const changed = layerTexts(renamed, false);
    expect(changed.preferences.hash).not.toBe(base.preferences.hash);
    expect(changed.banner.hash).toBe(base.banner.hash);
    expect(layerTexts(setup(tools), false)).toEqual(base);
    // Keys stay in the order shown: a cookie table's columns follow its headers.
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"b":1,"a":[{"d":2,"c":3}]}');
    const table = (
      JSON.parse(base.preferences.body) as { text: { sections: { cookieTable?: { headers: object } }[] } }
    ).text.sections.find((section) => section.cookieTable)?.cookieTable;
    expect(Object.keys(table!.headers)).toEqual(['name', 'storage', 'provider', 'party', 'purpose', 'duration']);
  });

  it('are published for every version that has been in force, each once', () => {
    const first = setup(tools);
    const second = { ...setup(tools), policy: { ...first.policy, version: '2', effective: '2026-06-01' } };
    const all = publishedTexts([first, second, second]);
    expect(all).toHaveLength(8);
    expect(all.map((text) => text.hash)).toEqual(
      expect.arrayContaining(
        [...Object.values(toPageConsent(first).texts), ...Object.values(toPageConsent(second).texts)].flatMap(
          (hashes) => Object.values(hashes),
        ),
      ),
    );
  });
});

describe('tools', () => {
  it('are absent when unconfigured', () => {
    expect(readToolsConfig({})).toEqual({});
    expect(toolOrigins({})).toEqual([]);
  });

  it('read Matomo and Tag Manager from the environment', () => {
    const tools = readToolsConfig({
      PUBLIC_MATOMO_URL: 'https://stats.techtroopers.com',
      PUBLIC_MATOMO_SITE_ID: '3',
      PUBLIC_GTM_ID: 'GTM-ABC123',
    });
    expect(tools).toEqual({
      matomo: { url: 'https://stats.techtroopers.com/', siteId: '3' },
      gtm: { id: 'GTM-ABC123', scriptUrl: 'https://www.googletagmanager.com/gtm.js' },
    });
    expect(toolOrigins(tools)).toEqual(['https://stats.techtroopers.com', 'https://www.googletagmanager.com']);
  });

  it.each([
    [{ PUBLIC_MATOMO_URL: 'https://stats.example/' }, /Set both PUBLIC_MATOMO_URL and PUBLIC_MATOMO_SITE_ID/],
    [
      { PUBLIC_MATOMO_URL: 'stats.example', PUBLIC_MATOMO_SITE_ID: '1' },
      /PUBLIC_MATOMO_URL must be an absolute http\(s\) URL/,
    ],
    [
      { PUBLIC_MATOMO_URL: 'https://stats.example/', PUBLIC_MATOMO_SITE_ID: 'ett' },
      /PUBLIC_MATOMO_SITE_ID must be a number/,
    ],
    [{ PUBLIC_GTM_ID: 'UA-1234' }, /PUBLIC_GTM_ID must look like GTM-XXXXXXX/],
    [{ PUBLIC_GTM_URL: 'https://tags.example/gtm.js' }, /PUBLIC_GTM_URL is set without PUBLIC_GTM_ID/],
  ])('refuse a half or wrong configuration: %j', (env, message) => {
    expect(() => readToolsConfig(env)).toThrow(message);
  });

  it('name every cookie a configured tool sets that the policy does not declare', () => {
    const tools = readToolsConfig({
      PUBLIC_MATOMO_URL: 'https://s.example/',
      PUBLIC_MATOMO_SITE_ID: '1',
      PUBLIC_GTM_ID: 'GTM-A1',
    });
    expect(undeclaredToolCookies(tools, declaration)).toEqual([
      'Matomo sets the cookie "_pk_ref.*", which the cookie policy in force does not declare.',
    ]);
    const moved = {
      ...declaration,
      cookies: declaration.cookies.map((c) => (c.name === '_gcl_au' ? { ...c, category: 'statistics' as const } : c)),
    };
    expect(undeclaredToolCookies({ gtm: tools.gtm! }, moved)).toEqual([
      'Google Tag Manager sets the cookie "_gcl_au" for marketing, but the cookie policy in force declares it as statistics.',
    ]);
  });
});

describe('compareDeclarations', () => {
  it('lists added, removed and changed cookies and categories', () => {
    const after: CookieDeclaration = {
      categories: declaration.categories.slice(0, 2),
      cookies: [
        ...declaration.cookies.slice(0, 2).map((c) => (c.name === '_pk_id.*' ? { ...c, duration: '12 månader' } : c)),
        {
          name: '_pk_ref.*',
          provider: 'Tech Troopers (Matomo)',
          party: 'first',
          purpose: 'Hänvisning.',
          duration: '6 månader',
          category: 'statistics',
        },
      ],
    };
    const changes = compareDeclarations(declaration, after);
    expect(changes.added.map((c) => c.name)).toEqual(['_pk_ref.*']);
    expect(changes.removed.map((c) => c.name)).toEqual(['_pk_ses.*', '_gcl_au']);
    expect(changes.changed.map((c) => [c.after.name, c.fields])).toEqual([['_pk_id.*', ['duration']]]);
    expect(changes.removedCategories.map((c) => c.id)).toEqual(['marketing']);
    expect(changes.addedCategories).toEqual([]);
  });

  it('lists a category whose description, name or Google signals changed', () => {
    const after: CookieDeclaration = {
      ...declaration,
      categories: declaration.categories.map((category) =>
        category.id === 'marketing'
          ? { ...category, description: 'Annonser som Google mäter.', consentSignals: ['ad_storage' as const] }
          : category.id === 'statistics'
            ? { ...category, title: 'Besöksstatistik' }
            : category,
      ),
    };
    expect(compareDeclarations(declaration, after).changedCategories.map((c) => [c.after.id, c.fields])).toEqual([
      ['statistics', ['title']],
      ['marketing', ['description', 'consentSignals']],
    ]);
    expect(compareDeclarations(declaration, declaration).changedCategories).toEqual([]);
  });
});

describe('the stored consent', () => {
  const page = toPageConsent(setup());
  const proof = {
    policyVersion: '2026',
    policyEffective: '2026-11-24',
    revision: 1,
    gpc: false,
    bannerHash: '0123456789abcdef',
  };
  const sound = {
    categories: ['necessary', 'statistics'],
    revision: 1,
    consentId: '11111111-2222-4333-8444-555555555555',
    consentTimestamp: '2026-11-24T10:00:00.000Z',
    lastConsentTimestamp: '2026-11-24T10:00:00.000Z',
    data: proof,
  };

  it('accepts what the banner writes, field by field', () => {
    expect(page.versions).toEqual([['2026', '2026-11-24']]);
    expect(parseStoredConsent(sound, page)).toEqual(sound);
    expect(parseStoredConsent({ ...sound, data: { ...proof, bannerHash: '' } }, page)).toBeDefined();
  });

  it('keeps consent under another revision without its proof, so that the banner asks again and says why', () => {
    const older = { ...sound, revision: 2, data: { policyEffective: 'x' } };
    expect(parseStoredConsent(older, page)).toEqual({ ...older, data: undefined });
    expect(parseStoredConsent({ ...older, consentId: 'x' }, page)).toBeUndefined();
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'all'],
    ['categories that are not a list', { ...sound, categories: 'all' }],
    ['an unknown category', { ...sound, categories: ['necessary', 'everything'] }],
    ['no consent ID', { ...sound, consentId: undefined }],
    ['a malformed consent ID', { ...sound, consentId: '<script>' }],
    ['a broken timestamp', { ...sound, consentTimestamp: 'igår' }],
    ['a broken last timestamp', { ...sound, lastConsentTimestamp: 'sedan' }],
    ['a revision that is not a number', { ...sound, revision: '1' }],
    ['no data', { ...sound, data: undefined }],
    ['data that is a string', { ...sound, data: 'version 1' }],
    ['a policy date that is not a date', { ...sound, data: { ...proof, policyEffective: 'x' } }],
    ['an impossible policy date', { ...sound, data: { ...proof, policyEffective: '2026-02-30' } }],
    ['a date of no version of this revision', { ...sound, data: { ...proof, policyEffective: '2026-11-25' } }],
    ['a version of no version of this revision', { ...sound, data: { ...proof, policyVersion: '1' } }],
    ['a policy version that is not text', { ...sound, data: { ...proof, policyVersion: 2 } }],
    ['an empty policy version', { ...sound, data: { ...proof, policyVersion: '' } }],
    ['a policy version of a page’s length', { ...sound, data: { ...proof, policyVersion: 'x'.repeat(200) } }],
    ['a proof revision of zero', { ...sound, data: { ...proof, revision: 0 } }],
    ['a proof of another revision', { ...sound, data: { ...proof, revision: 2 } }],
    ['a GPC flag that is not true or false', { ...sound, data: { ...proof, gpc: 'yes' } }],
    ['a banner hash that is not hex', { ...sound, data: { ...proof, bannerHash: '<img src=x>' } }],
  ])('refuses %s', (_, value) => {
    expect(parseStoredConsent(value, page)).toBeUndefined();
  });

  it('reads the proof alone', () => {
    expect(parseConsentProof(proof, page)).toEqual(proof);
    expect(parseConsentProof({ ...proof, extra: 1 }, page)).toEqual(proof);
  });

  it('finds the consent cookie among the others, and gives nothing for a broken one or none', () => {
    const value = encodeURIComponent(JSON.stringify(sound));
    expect(readConsentCookie(`a=1; cc_cookie=${value}; b=2`, 'cc_cookie')).toEqual(sound);
    expect(readConsentCookie('a=1; cc_cookie=%%%', 'cc_cookie')).toBeUndefined();
    expect(readConsentCookie('a=1', 'cc_cookie')).toBeUndefined();
  });
});
