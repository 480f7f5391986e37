import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { getRegistry } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { type Listed, listingPlan, listSuite } from './listed-suite.ts';
import { readmeCountProblems } from './readme-counts.ts';

// The README's registry line and its "Reading the report" samples (compliance.md as two fault runs write
// it) must count the requirements and tests the suite has (readme-counts.ts says why).
const PLAN = listingPlan();

let listed: readonly Listed[];
test.beforeAll(async () => {
  listed = await listSuite(PLAN);
});

test("the README's registry line and report samples count the tests the suite has, and their headlines add up", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const ids = getRegistry().requirements.map((r) => r.id);
  const { samples, problems } = readmeCountProblems(readme, ids, listed);
  expect(samples).toBeGreaterThanOrEqual(2);
  expect(problems, 'a requirement or test was added or removed: update the README as each line says').toEqual(
    [],
  );
});
