import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// Playwright's own `test` runs its browser set-up before every test: about 75 fixture steps, each with
// a source-mapped stack trace, about a tenth of the unit tests' time (docs/speed.md). Every test file
// takes `test` from tests/helpers/api-test.ts, the one file that may take Playwright's.
const HELPER = 'tests/helpers/api-test.ts';

function testFiles(): string[] {
  return readdirSync(join(repoRoot, 'tests'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
    .filter((file) => file !== HELPER);
}

// Whether a file's own code takes Playwright's `test`: a named import (renamed or not), the default or
// a namespace import, or a re-export. Specs written into template strings for child runs do not count.
function takesPlaywrightTest(source: string): boolean {
  const code = source.replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``');
  const from = String.raw`from\s+['"](?:@playwright/test|playwright/test)['"]`;
  const statements = code.match(new RegExp(String.raw`^\s*(?:import|export)\b[^;]*?${from}`, 'gm')) ?? [];
  return statements.some((statement) => {
    if (/^\s*import\s+type\b/.test(statement)) return false;
    const names = /\{([^}]*)\}/.exec(statement)?.[1];
    const beforeBraces = statement.replace(/\{[^}]*\}/, '');
    if (/^\s*import\s+(?:\w+|\*\s+as\s+\w+)\s*(?:,|from)/.test(beforeBraces)) return true;
    return (names ?? '').split(',').some((name) => /^\s*test(\s+as\s+\w+)?\s*$/.test(name));
  });
}

test('test files take Playwright test without its browser set-up', () => {
  const offenders = testFiles().filter((file) =>
    takesPlaywrightTest(readFileSync(join(repoRoot, file), 'utf8')),
  );
  expect(
    offenders,
    `take test from ${HELPER}; a conformance test takes test and expect from tests/fixtures/index.ts`,
  ).toEqual([]);
});

test('the check sees every way to take Playwright test, and not its types, expect or child specs', () => {
  const taking = [
    "import { expect, test } from '@playwright/test';",
    "import { test as base } from '@playwright/test';",
    "import {\n  expect,\n  type TestInfo,\n  test,\n} from '@playwright/test'; // why",
    "import test from '@playwright/test';",
    "import * as pw from '@playwright/test';",
    "export { test } from '@playwright/test';",
    "import { x } from './x.ts';\nexport { y } from './y.ts';\nimport { test } from 'playwright/test';",
  ];
  const notTaking = [
    "import type { TestInfo } from '@playwright/test';",
    "import { expect, type TestInfo } from '@playwright/test';",
    "export { expect } from '@playwright/test';",
    "const SPEC = `\nimport { test } from '@playwright/test';\ntest(\\`a child test\\`, () => {});\n`;",
  ];
  for (const source of taking) expect(takesPlaywrightTest(source), source).toBe(true);
  for (const source of notTaking) expect(takesPlaywrightTest(source), source).toBe(false);
});
