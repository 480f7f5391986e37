import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// README.md and docs/interfaces.md#environment promise that .env.example lists every user setting.
// The settings are the names in the variable (or environment) column of docs/interfaces.md's tables;
// the variables the scripts set for their children are prose there, and stay out of both lists.
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

function documentedVariables(): string[] {
  const names = new Set<string>();
  let column = -1;
  for (const line of read('docs/interfaces.md').split('\n')) {
    if (!line.startsWith('|')) {
      column = -1;
      continue;
    }
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    if (column === -1) column = cells.findIndex((cell) => /^\s*(variable|environment)\s*$/.test(cell));
    else for (const [name] of cells[column]?.matchAll(/\bMDE_[A-Z0-9_<>]+/g) ?? []) names.add(name);
  }
  return [...names];
}

// A name is listed when a line sets it, commented out or not (`# MDE_RUN_ID=`).
const listedVariables = () => [...read('.env.example').matchAll(/^#?\s*(MDE_\w+)=/gm)].map((m) => m[1]!);

// MDE_ROLE_<X>_CLIENT_ID stands for one variable per role; the example shows it for one role.
const pattern = (documented: string) => new RegExp(`^${documented.replace('<X>', '[A-Z]+')}$`);

test('.env.example lists every variable of the tables in docs/interfaces.md', () => {
  const documented = documentedVariables();
  expect(documented.length).toBeGreaterThan(20);
  const listed = listedVariables();
  expect(documented.filter((name) => !listed.some((l) => pattern(name).test(l)))).toEqual([]);
});

test('.env.example lists no MDE_ variable that docs/interfaces.md does not document', () => {
  const documented = documentedVariables().map(pattern);
  expect(listedVariables().filter((name) => !documented.some((p) => p.test(name)))).toEqual([]);
});
