// Generates a content set with N versions of each policy, for the scale test and
// the scale benchmark. Version 1 is the published text; every later version is a
// small, realistic edit of the one before (a sentence added, one removed, a word
// changed, now and then a new paragraph), so every changes page has real work to do.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '#lib/frontmatter.ts';
import { recordAllPublished } from './contentSets.ts';

/** Sentences an editor might add to a policy, in the site's language. */
const SENTENCES = [
  'Uppgifterna sparas så länge kundförhållandet består och därefter i högst tolv månader.',
  'Du har rätt att begära att uppgifter om dig raderas när de inte längre behövs.',
  'Vi lämnar aldrig ut personuppgifter till länder utanför EU och EES.',
  'Frågor om behandlingen besvaras av vår kundtjänst inom fem arbetsdagar.',
  'Du kan när som helst återkalla ett samtycke som du har lämnat.',
  'Uppgifter som rör fakturering sparas i sju år enligt bokföringslagen.',
  'Vi går igenom våra säkerhetsåtgärder minst en gång om året.',
  'Klagomål på behandlingen kan lämnas till Integritetsskyddsmyndigheten.',
  'Samarbetspartners får bara behandla uppgifterna enligt våra instruktioner.',
  'Behandlingen grundar sig på avtal, rättslig förpliktelse eller berättigat intresse.',
];

/** Words swapped for one another, so a version can change a word without changing the meaning much. */
const SWAPS: [string, string][] = [
  ['kunder', 'kunderna'],
  ['uppgifter', 'upplysningar'],
  ['behandlas', 'hanteras'],
  ['webbsidan', 'webbplatsen'],
  ['information', 'uppgifter'],
  ['besökare', 'användare'],
  ['använder', 'nyttjar'],
  ['skydda', 'värna'],
];

/** A small deterministic generator, so every run benchmarks the same content. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fields every generated version sets itself; the rest (the cookie declaration, the register) is carried over. */
const OWN_FIELDS = ['policy', 'effective', 'version', 'summary', 'changes', 'material', 'draft'];

/** The source file's frontmatter without the fields each version sets itself, and its body. */
function readSource(file: string): { carried: Record<string, unknown>; body: string } {
  const split = splitFrontmatter(readFileSync(file, 'utf8'));
  if (!split) throw new Error(`${file}: no frontmatter`);
  const carried = Object.fromEntries(
    Object.entries((parse(split.frontmatter) as Record<string, unknown> | null) ?? {}).filter(
      ([field]) => !OWN_FIELDS.includes(field),
    ),
  );
  return { carried, body: split.body.trim() };
}

const isProse = (block: string): boolean => !block.startsWith('#') && !block.startsWith('|') && !block.startsWith('-');
const sentencesOf = (block: string): string[] => block.match(/[^.!?]+[.!?]+(\s+|$)/g) ?? [block];

/** One edit of the body, and the change item that describes it. */
function edit(blocks: string[], next: () => number, grown: boolean): string {
  const prose = blocks.map((block, index) => ({ block, index })).filter(({ block }) => isProse(block));
  const pick = <T>(list: T[]): T => {
    const picked = list[Math.floor(next() * list.length)];
    if (picked === undefined) throw new Error('Nothing to pick from.');
    return picked;
  };
  // Once the text has grown by half, it shrinks more than it grows.
  const kind = grown ? 0.35 + next() * 0.55 : next();
  const target = pick(prose);
  const fresh = SENTENCES.filter((sentence) => !target.block.includes(sentence));
  if (kind < 0.35 && fresh.length > 0) {
    const sentence = pick(fresh);
    blocks[target.index] = `${target.block} ${sentence}`;
    return `Ny mening: ”${sentence}”`;
  }
  if (kind < 0.65) {
    const sentences = sentencesOf(target.block);
    const removable = sentences.map((text, index) => ({ text, index })).filter(({ text }) => !text.includes('**'));
    if (sentences.length > 2 && removable.length > 0) {
      const { index } = pick(removable);
      const removed = (sentences.splice(index, 1)[0] ?? '').trim();
      blocks[target.index] = sentences.join('').trim();
      return `Meningen ”${removed.slice(0, 60)}${removed.length > 60 ? '…' : ''}” har tagits bort.`;
    }
  }
  if (kind < 0.9) {
    for (const [from, to] of [...SWAPS].sort(() => next() - 0.5)) {
      const ways: [string, string][] = [
        [from, to],
        [to, from],
      ];
      for (const [a, b] of ways) {
        const word = new RegExp(`\\b${a}\\b`);
        const candidates = prose.filter(({ index }) => word.test(blocks[index] ?? ''));
        if (candidates.length > 0) {
          const { index } = pick(candidates);
          blocks[index] = (blocks[index] ?? '').replace(word, b);
          return `”${a}” har ersatts med ”${b}”.`;
        }
      }
    }
  }
  const [one, two] = [...SENTENCES].sort(() => next() - 0.5);
  const paragraph = `${one} ${two}`;
  blocks.splice(target.index + 1, 0, paragraph);
  return 'Nytt stycke om hur personuppgifter hanteras.';
}

/** The day `offset` days after `start` (YYYY-MM-DD). */
function addDays(start: string, offset: number): string {
  const date = new Date(`${start}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** Where `generateVersions` reads and writes, and what. */
export interface GenerateOptions {
  /** A content set (such as src/content/policies): the first version of each policy is the starting text. */
  sourceDir: string;
  /** Replaced by the generated content set. */
  outDir: string;
  /** Versions per policy. */
  count: number;
  /** The day the last version takes effect (YYYY-MM-DD). */
  lastDate: string;
}

/**
 * Writes `count` versions of every policy in `sourceDir` into `outDir`, one a day,
 * the last one taking effect on `lastDate`, and records them all as published.
 * Returns the number of files written.
 */
export function generateVersions({ sourceDir, outDir, count, lastDate }: GenerateOptions): number {
  rmSync(outDir, { recursive: true, force: true });
  let written = 0;
  const policies = readdirSync(sourceDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const { name: policy } of policies) {
    const [first] = readdirSync(join(sourceDir, policy)).sort();
    if (!first) throw new Error(`${join(sourceDir, policy)}: no versions`);
    const { carried, body } = readSource(join(sourceDir, policy, first));
    const blocks = body.split(/\n{2,}/);
    const size = () => blocks.join('').length;
    const original = size();
    const next = random(policy.length * 7919 + count);
    mkdirSync(join(outDir, policy), { recursive: true });
    for (let number = 1; number <= count; number++) {
      const changes: string[] = [];
      if (number > 1) {
        const edits = 1 + Math.floor(next() * 3);
        for (let i = 0; i < edits; i++) changes.push(edit(blocks, next, size() > original * 1.5));
      }
      const effective = addDays(lastDate, number - count);
      const summary =
        number === 1
          ? 'Första publicerade versionen.'
          : `Version ${number}: ${changes.length} ${changes.length === 1 ? 'ändring' : 'ändringar'} i texten.`;
      const frontmatter = stringify({
        policy,
        effective,
        version: String(number),
        summary,
        ...(changes.length > 0 ? { changes } : {}),
        ...(number % 10 === 0 ? { material: true } : {}),
        ...carried,
      });
      writeFileSync(join(outDir, policy, `${effective}.mdx`), `---\n${frontmatter}---\n\n${blocks.join('\n\n')}\n`);
      written++;
    }
  }
  // They stand for versions published over the years: the record holds them all.
  recordAllPublished(outDir);
  return written;
}
