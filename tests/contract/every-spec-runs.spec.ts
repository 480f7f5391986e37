import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import unitConfig from '../../playwright.unit.config.ts';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// The unit config names its folders: a new folder of tests that it does not name would pass npm test
// by never running.
function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : specFiles(path);
    return entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

test('every spec file under tests/ is run by npm test, or is the conformance suite', () => {
  const match = unitConfig.testMatch;
  if (!(match instanceof RegExp))
    throw new Error('playwright.unit.config.ts: testMatch is no longer one RegExp');
  const tests = join(repoRoot, 'tests');
  const unrun = specFiles(tests)
    .filter((file) => !relative(tests, file).startsWith('conformance/'))
    .filter((file) => !match.test(file))
    .map((file) => relative(repoRoot, file));
  expect(unrun).toEqual([]);
});
