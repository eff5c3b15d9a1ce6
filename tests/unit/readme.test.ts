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

it('the README starts with the two commands a newcomer needs', () => {
  expect(readme).toContain('npm install && npm start');
  expect(readme).toContain('npm test');
});
