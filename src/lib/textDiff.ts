import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import { mdxjs } from 'micromark-extension-mdxjs';
import { diffArrays, diffWordsWithSpace } from 'diff';

/** A readable block of a policy's text: what a visitor sees as a heading, a paragraph or a list item. */
export interface TextBlock {
  kind: 'heading' | 'paragraph';
  text: string;
}

export type SegmentKind = 'same' | 'added' | 'removed';

export interface Segment {
  kind: SegmentKind;
  text: string;
}

export interface DiffBlock {
  kind: TextBlock['kind'];
  /** 'same' when the block is unchanged, 'added'/'removed' when whole, 'changed' when edited. */
  change: SegmentKind | 'changed';
  segments: Segment[];
}

export interface TextDiff {
  blocks: DiffBlock[];
  /** Words added and removed, for the page's summary line. */
  addedWords: number;
  removedWords: number;
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

function collectBlocks(node: Root | RootContent, out: TextBlock[]): void {
  switch (node.type) {
    case 'heading':
      out.push({ kind: 'heading', text: normalise(toString(node)) });
      return;
    case 'paragraph':
    case 'code':
    case 'html':
      out.push({ kind: 'paragraph', text: normalise(toString(node as Nodes)) });
      return;
    // Imports and exports are code, not policy text.
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
      return;
    default:
      if ('children' in node) for (const child of node.children) collectBlocks(child, out);
  }
}

/**
 * The visible text of an MDX body, block by block, with markup dropped.
 * MDX components contribute the text they wrap, so a comparison sees what readers read.
 */
export function toTextBlocks(mdxBody: string): TextBlock[] {
  const tree = fromMarkdown(mdxBody, {
    extensions: [mdxjs()],
    mdastExtensions: [mdxFromMarkdown()],
  });
  const blocks: TextBlock[] = [];
  collectBlocks(tree, blocks);
  return blocks.filter((block) => block.text !== '');
}

/** Unchanged text this short between two edits is read as part of the edit. */
const isGlue = (segment: Segment): boolean =>
  segment.kind === 'same' && /^[\s\p{P}]{0,3}$/u.test(segment.text) && segment.text.trim().length <= 1;

/**
 * Word diffs of rewritten phrases alternate: "-a +b ( -c +d ) -e +f". People read
 * "-a ( c ) e +b ( d ) f" better, so a run of edits joined only by spaces or a
 * punctuation mark becomes one removal followed by one addition.
 */
export function mergeChoppyRuns(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i]!;
    if (segment.kind === 'same') {
      out.push(segment);
      i++;
      continue;
    }
    // Extend the run while edits are separated by glue only.
    let end = i;
    while (end + 1 < segments.length) {
      const next = segments[end + 1]!;
      if (next.kind !== 'same') end++;
      else if (isGlue(next) && segments[end + 2] && segments[end + 2]!.kind !== 'same') end += 2;
      else break;
    }
    const run = segments.slice(i, end + 1);
    const removed = run
      .filter((part) => part.kind !== 'added')
      .map((part) => part.text)
      .join('');
    const added = run
      .filter((part) => part.kind !== 'removed')
      .map((part) => part.text)
      .join('');
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    i = end + 1;
  }
  return out;
}

const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * A word-level comparison of two versions. Blocks are aligned first, so an
 * edited paragraph shows as one paragraph with its edits; a new or dropped
 * paragraph shows whole. Runs in time close to linear for similar texts.
 */
export function diffTextBlocks(before: TextBlock[], after: TextBlock[]): TextDiff {
  const result: TextDiff = { blocks: [], addedWords: 0, removedWords: 0 };
  const whole = (block: TextBlock, change: 'same' | 'added' | 'removed'): void => {
    result.blocks.push({ kind: block.kind, change, segments: [{ kind: change, text: block.text }] });
    if (change === 'added') result.addedWords += countWords(block.text);
    if (change === 'removed') result.removedWords += countWords(block.text);
  };

  const parts = diffArrays(before, after, {
    comparator: (a, b) => a.kind === b.kind && a.text === b.text,
  });
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      for (const block of part.value) whole(block, 'same');
      continue;
    }
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // An edit: pair the removed blocks with the added ones that replace them.
      const removed = part.value;
      const added = next.value;
      const paired = Math.min(removed.length, added.length);
      for (let j = 0; j < paired; j++) {
        const oldBlock = removed[j]!;
        const newBlock = added[j]!;
        const segments = mergeChoppyRuns(
          diffWordsWithSpace(oldBlock.text, newBlock.text).map((change): Segment => ({
            kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
            text: change.value,
          })),
        );
        for (const segment of segments) {
          if (segment.kind === 'added') result.addedWords += countWords(segment.text);
          if (segment.kind === 'removed') result.removedWords += countWords(segment.text);
        }
        result.blocks.push({ kind: newBlock.kind, change: 'changed', segments });
      }
      for (const block of removed.slice(paired)) whole(block, 'removed');
      for (const block of added.slice(paired)) whole(block, 'added');
      i++;
      continue;
    }
    for (const block of part.value) whole(block, part.added ? 'added' : 'removed');
  }
  return result;
}
