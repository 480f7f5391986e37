import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// Playwright's own `test` runs its browser set-up before every test: about 75 fixture steps, each
// with a stack trace, which was a third of the unit tests' time (docs/speed.md). Tests take `test`
// from tests/helpers/api-test.ts (the conformance suite through tests/fixtures).
const FOLDERS = [
  'tests/contract',
  'tests/emulator',
  'tests/harness',
  'tests/reporters',
  'tests/selftest',
  'tests/fixtures',
];

function files(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)));
}

// An import of Playwright's `test` value in the file's imports (its types and expect are fine; specs
// written into strings for child runs are not the file's own).
export function importsPlaywrightTest(source: string): boolean {
  const imports = source.match(/^(?:(?:import[^;]*;|\/\/[^\n]*|[ \t]*)(?:\n|$))*/)?.[0] ?? '';
  return [...imports.matchAll(/^import \{([^}]*)\} from '@playwright\/test';/gm)].some(([, names]) =>
    names!.split(',').some((name) => /^\s*test(\s+as\s+\w+)?\s*$/.test(name)),
  );
}

test('tests take Playwright test without its browser set-up', () => {
  const offenders = FOLDERS.flatMap(files).filter((file) =>
    importsPlaywrightTest(readFileSync(join(repoRoot, file), 'utf8')),
  );
  expect(offenders).toEqual([]);
});

test('the check sees an import of Playwright test, also renamed, and not of its types', () => {
  expect(importsPlaywrightTest("import { expect, test } from '@playwright/test';")).toBe(true);
  expect(importsPlaywrightTest("import { test as base } from '@playwright/test';")).toBe(true);
  expect(importsPlaywrightTest("import type { TestInfo } from '@playwright/test';")).toBe(false);
  expect(importsPlaywrightTest("import { expect } from '@playwright/test';")).toBe(false);
  const childSpec =
    "import { x } from './x.ts';\nconst SPEC = `\nimport { test } from '@playwright/test';\n`;\n";
  expect(importsPlaywrightTest(childSpec)).toBe(false);
});
