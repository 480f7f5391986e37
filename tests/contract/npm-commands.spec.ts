import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// The commands users' CI pipelines call (docs/interfaces.md#commands): a script renamed or dropped in
// package.json broke them with no test failing, as the tests start the scripts' files directly.
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const scripts: Record<string, string> = JSON.parse(read('package.json')).scripts;

const PUBLIC_COMMANDS = ['conformance', 'test', 'emulator', 'report'];

// The script names of the first column of the Commands table: `npm run X`, `npm test`, `npm run lint`, ...
function documentedScripts(): string[] {
  const start = read('docs/interfaces.md').split('<a id="commands"></a>')[1]!;
  const table = start.slice(start.indexOf('\n|'), start.indexOf('\n\n', start.indexOf('\n|')));
  const names = new Set<string>();
  for (const row of table.split('\n').filter((line) => line.startsWith('| `npm'))) {
    const first = row.split(/(?<!\\)\|/)[1]!;
    for (const [, name] of first.matchAll(/`npm (?:run )?([\w:-]+)/g)) if (name !== 'ci') names.add(name!);
  }
  return [...names];
}

test('package.json keeps the public commands, each running a file of the repository', () => {
  for (const name of PUBLIC_COMMANDS) {
    expect(scripts[name], `npm run ${name}`).toBeDefined();
    const file = /\s((?:scripts|src)\/\S+\.ts)\b/.exec(scripts[name]!)?.[1];
    expect(file && existsSync(join(repoRoot, file)), `npm run ${name}: ${scripts[name]}`).toBe(true);
  }
});

test("the Commands table of docs/interfaces.md names exactly package.json's scripts", () => {
  const documented = documentedScripts();
  expect(documented).toEqual(expect.arrayContaining(PUBLIC_COMMANDS));
  expect(documented.filter((name) => !(name in scripts))).toEqual([]);
  expect(Object.keys(scripts).filter((name) => !documented.includes(name))).toEqual([]);
});

test('.ci/run installs with npm ci and then runs npm test', () => {
  const lines = read('.ci/run')
    .split('\n')
    .map((line) => line.trim());
  const install = lines.findIndex((line) => line.startsWith('npm ci'));
  expect(install).toBeGreaterThan(-1);
  expect(lines.indexOf('npm test')).toBeGreaterThan(install);
});
