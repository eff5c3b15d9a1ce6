import { describe, expect, it } from 'vitest';
import { policyVersionSchema, SUMMARY_PLACEHOLDER } from '../../src/lib/schema/index.ts';

const valid = {
  policy: 'integritetspolicy',
  effective: '2026-11-24',
  version: '1',
  summary: 'Första publicerade versionen.',
};

/** The messages zod gives for `data`, each prefixed with its field, as the build shows them. */
function problems(data: Record<string, unknown>): string[] {
  const result = policyVersionSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('policyVersionSchema', () => {
  it('accepts a minimal version and fills in the defaults', () => {
    expect(policyVersionSchema.parse(valid)).toEqual({ ...valid, changes: [], material: false, draft: false });
  });

  it('accepts the date YAML reads from an unquoted 2026-11-24', () => {
    expect(policyVersionSchema.parse({ ...valid, effective: new Date('2026-11-24T00:00:00Z') }).effective).toBe(
      '2026-11-24',
    );
  });

  it('accepts a numeric version label as text', () => {
    expect(policyVersionSchema.parse({ ...valid, version: 2 }).version).toBe('2');
  });

  it('refuses a missing date', () => {
    const { effective: _, ...rest } = valid;
    expect(problems(rest)).toEqual([expect.stringMatching(/^effective: "effective" is missing/)]);
  });

  it.each(['24-11-2026', '2026-11-31', '2026/11/24', 'snart'])('refuses the malformed date %s', (effective) => {
    expect(problems({ ...valid, effective })).toEqual([
      expect.stringMatching(/^effective: "effective" must be a real date written YYYY-MM-DD/),
    ]);
  });

  it('refuses an unknown policy, naming the ones there are', () => {
    expect(problems({ ...valid, policy: 'sekretesspolicy' })).toEqual([
      'policy: "policy" must be one of integritetspolicy, cookiepolicy, got "sekretesspolicy"',
    ]);
  });

  it('refuses a missing policy', () => {
    const { policy: _, ...rest } = valid;
    expect(problems(rest)).toEqual([expect.stringMatching(/^policy: "policy" is missing/)]);
  });

  it.each(['', '   '])('refuses an empty summary (%j)', (summary) => {
    expect(problems({ ...valid, summary })).toEqual([expect.stringMatching(/^summary: "summary" must not be empty/)]);
  });

  it('refuses the placeholder summary that policy:new writes', () => {
    expect(problems({ ...valid, summary: SUMMARY_PLACEHOLDER })).toEqual([
      expect.stringMatching(/^summary: "summary" still holds the placeholder/),
    ]);
  });

  it('refuses a summary of several lines', () => {
    expect(problems({ ...valid, summary: 'En rad.\nTvå rader.' })).toEqual([
      'summary: "summary" must be a single line',
    ]);
  });

  it('refuses a missing version label', () => {
    const { version: _, ...rest } = valid;
    expect(problems(rest)).toEqual([expect.stringMatching(/^version: "version" is missing/)]);
  });

  it('refuses fields it does not know, so a misspelt "materal" is not silently ignored', () => {
    expect(problems({ ...valid, materal: true })).toEqual([expect.stringMatching(/materal/)]);
  });

  it('refuses a material flag that is not true or false', () => {
    expect(problems({ ...valid, material: 'ja' })).toEqual(['material: "material" must be true or false']);
  });

  it('refuses change items that are empty', () => {
    expect(problems({ ...valid, changes: ['Ny text.', ''] })).toEqual([
      'changes.1: every item of "changes" must say something',
    ]);
  });
});

describe('the cookie policy declaration in the schema', () => {
  const category = (id: string, title: string) => ({ id, title, description: `${title} beskrivs.` });
  const cookie = (name: string, cat: string) => ({
    name,
    provider: 'Tech Troopers',
    party: 'first',
    purpose: 'Syfte.',
    duration: '1 år',
    category: cat,
  });
  const cookieVersion = {
    ...valid,
    policy: 'cookiepolicy',
    categories: [category('necessary', 'Nödvändiga'), category('statistics', 'Statistik')],
    cookies: [cookie('cc_cookie', 'necessary'), cookie('_pk_id.*', 'statistics')],
  };

  it('accepts a cookie policy version with its declaration', () => {
    expect(policyVersionSchema.parse(cookieVersion).cookies).toHaveLength(2);
  });

  it('requires the declaration of a cookie policy version', () => {
    const { categories: _, cookies: __, ...bare } = cookieVersion;
    expect(problems(bare)).toEqual([
      'categories: "categories" is missing: a cookie policy version declares its categories and every cookie',
      'cookies: "cookies" is missing: a cookie policy version declares its categories and every cookie',
    ]);
  });

  it('refuses a declaration on the privacy policy', () => {
    expect(problems({ ...valid, cookies: cookieVersion.cookies, categories: cookieVersion.categories })).toEqual([
      'categories: "categories" belongs to the cookie policy only',
      'cookies: "cookies" belongs to the cookie policy only',
    ]);
  });

  it('names the cookie whose category is not declared', () => {
    expect(problems({ ...cookieVersion, cookies: [...cookieVersion.cookies, cookie('_gcl_au', 'marketing')] })).toEqual(
      // Named by the path zod reports: the entry and its field.
      ['cookies.2.category: "_gcl_au" is in category "marketing", which "categories" does not declare'],
    );
  });

  it('names the field of a malformed cookie', () => {
    expect(
      problems({
        ...cookieVersion,
        cookies: [cookie('cc_cookie', 'necessary'), { ...cookie('x', 'statistics'), party: 'fourth' }],
      }),
    ).toEqual(['cookies.1.party: "party" must be first or third']);
  });
});

describe('the privacy policy version’s address for letters', () => {
  const letterAddress = ['Tech Troopers AB', 'Dataskydd', 'Kungsgatan 3', '111 43 Stockholm'];

  it('is optional, and kept line by line where given', () => {
    expect(policyVersionSchema.parse(valid)).not.toHaveProperty('letterAddress');
    expect(policyVersionSchema.parse({ ...valid, letterAddress })).toMatchObject({ letterAddress });
  });

  it('refuses an empty line, a short address, and the field in a cookie policy version', () => {
    expect(problems({ ...valid, letterAddress: ['Tech Troopers AB', ' ', '111 43 Stockholm'] })).toEqual([
      'letterAddress.1: every line of "letterAddress" must say something',
    ]);
    expect(problems({ ...valid, letterAddress: ['Tech Troopers AB', '111 43 Stockholm'] })).toEqual([
      'letterAddress: "letterAddress" needs at least the recipient, the street and the postal code and town, one line each',
    ]);
    expect(problems({ ...valid, letterAddress: 'Kungsgatan 3, 111 43 Stockholm' })).toEqual([
      'letterAddress: "letterAddress" must be a list of the lines of a postal address',
    ]);
    expect(
      problems({ ...valid, policy: 'cookiepolicy', categories: [], cookies: [], letterAddress }).filter((problem) =>
        problem.startsWith('letterAddress'),
      ),
    ).toHaveLength(1);
  });
});
