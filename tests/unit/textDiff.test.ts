import { describe, expect, it } from 'vitest';
import { diffTextBlocks, mergeChoppyRuns, toTextBlocks } from '../../src/lib/textDiff';

describe('toTextBlocks', () => {
  it('reads headings and paragraphs as plain text, without markup or imports', () => {
    const body = [
      "import Note from '../Note.astro';",
      '',
      '## Personvern',
      '',
      '**Syfte.** Inom [Tech Troopers](https://techtroopers.com) sker *behandling*.',
      '',
      '<Note>Text i en komponent.</Note>',
      '',
      '- Punkt ett',
      '- Punkt två',
    ].join('\n');
    expect(toTextBlocks(body)).toEqual([
      { kind: 'heading', text: 'Personvern' },
      { kind: 'paragraph', text: 'Syfte. Inom Tech Troopers sker behandling.' },
      { kind: 'paragraph', text: 'Text i en komponent.' },
      { kind: 'paragraph', text: 'Punkt ett' },
      { kind: 'paragraph', text: 'Punkt två' },
    ]);
  });
});

describe('diffTextBlocks', () => {
  const before = toTextBlocks(
    '## Rubrik\n\nEtt stycke som står kvar.\n\nVi loggar IP-nummer varje dag.\n\nSista stycket.',
  );

  it('finds nothing between equal texts', () => {
    const diff = diffTextBlocks(before, before);
    expect(diff.blocks.every((block) => block.change === 'same')).toBe(true);
    expect([diff.addedWords, diff.removedWords]).toEqual([0, 0]);
  });

  it('marks an edited paragraph word by word', () => {
    const after = toTextBlocks(
      '## Rubrik\n\nEtt stycke som står kvar.\n\nVi loggar IP-nummer varje vecka.\n\nSista stycket.',
    );
    const diff = diffTextBlocks(before, after);
    const edited = diff.blocks.find((block) => block.change === 'changed');
    expect(edited?.segments).toEqual([
      { kind: 'same', text: 'Vi loggar IP-nummer varje ' },
      { kind: 'removed', text: 'dag' },
      { kind: 'added', text: 'vecka' },
      { kind: 'same', text: '.' },
    ]);
    expect([diff.addedWords, diff.removedWords]).toEqual([1, 1]);
  });

  it('shows a new paragraph and a dropped one whole', () => {
    const after = toTextBlocks(
      '## Rubrik\n\nEtt stycke som står kvar.\n\nSista stycket.\n\nEtt nytt stycke om lagringstid.',
    );
    const diff = diffTextBlocks(before, after);
    expect(diff.blocks.map((block) => block.change)).toEqual(['same', 'same', 'removed', 'same', 'added']);
    expect(diff.blocks[4]?.segments).toEqual([{ kind: 'added', text: 'Ett nytt stycke om lagringstid.' }]);
    expect([diff.addedWords, diff.removedWords]).toEqual([5, 5]);
  });
});

describe('mergeChoppyRuns', () => {
  it('joins edits separated only by spaces and punctuation into one removal and one addition', () => {
    expect(
      mergeChoppyRuns([
        { kind: 'same', text: 'enligt ' },
        { kind: 'removed', text: 'PuL' },
        { kind: 'added', text: 'GDPR' },
        { kind: 'same', text: ' (' },
        { kind: 'removed', text: 'SFS' },
        { kind: 'added', text: 'EU' },
        { kind: 'same', text: ') gäller' },
      ]),
    ).toEqual([
      { kind: 'same', text: 'enligt ' },
      { kind: 'removed', text: 'PuL (SFS' },
      { kind: 'added', text: 'GDPR (EU' },
      { kind: 'same', text: ') gäller' },
    ]);
  });

  it('keeps edits apart when real words stand between them', () => {
    const segments = [
      { kind: 'removed' as const, text: 'a' },
      { kind: 'same' as const, text: ' och ' },
      { kind: 'added' as const, text: 'b' },
    ];
    expect(mergeChoppyRuns(segments)).toEqual(segments);
  });
});
