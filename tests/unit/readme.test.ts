import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const { scripts } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

it('the README’s command table lists every npm script exactly as package.json has it', () => {
  const rows = [...readme.matchAll(/^\| `npm (?:run )?([\w:-]+)` +\| `([^`]+)`/gm)].map(([, name, command]) => [
    name,
    command,
  ]);
  expect(Object.fromEntries(rows)).toEqual(scripts);
});

it('the README starts with what the site is and exactly the two commands a newcomer needs', () => {
  const [intro = '', firstBlock = ''] = readme.split(/^```sh\n/m);
  // What the site is comes first: a title and at least a paragraph, before any command.
  expect(intro).toMatch(/^# .+\n\n\S[\s\S]{100,}$/);
  const commands = firstBlock
    .slice(0, firstBlock.indexOf('```'))
    .trim()
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, ''));
  expect(commands).toEqual(['npm install && npm start', 'npm test']);
  // And both are what package.json runs.
  expect(scripts['start']).toBeDefined();
  expect(scripts['test']).toBeDefined();
});
