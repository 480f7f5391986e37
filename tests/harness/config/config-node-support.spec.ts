import { nodeSupportProblem, supportedNodeRange } from '../../../src/harness/config/node-support.ts';
import { expect, test } from '../../helpers/api-test.ts';

const RANGE = '^20.19.0 || ^22.12.0 || >=24.0.0';

// On Node 18 npm run conformance went as far as Playwright, which refused in three lines, and the run
// then replaced the last run's reports with a stopped-run report. It must stop first, in one line.
test('a Node below every major of engines stops the run, in one line saying what to install', () => {
  expect(nodeSupportProblem('18.20.8', RANGE)).toEqual({
    fatal: true,
    line: `Node.js 18.20.8 is too old for this suite (package.json engines: ${RANGE}); install Node.js 22 (recommended), then run npm ci again`,
  });
});

test('a Node within a major of engines but outside its range is a warning', () => {
  for (const version of ['20.18.3', '21.7.3', '22.11.0', '23.0.0']) {
    const problem = nodeSupportProblem(version, RANGE);
    expect(problem?.fatal, version).toBe(false);
    expect(problem?.line, version).toMatch(/^warning: Node\.js \S+ is not a version this suite supports/);
  }
});

test('every version engines names passes', () => {
  for (const version of ['20.19.0', '20.20.2', '22.12.0', '22.23.1', '24.0.0', '25.2.1'])
    expect(nodeSupportProblem(version, RANGE), version).toBeUndefined();
});

// The check reads package.json's engines: a form it cannot read must fail here, not in a user's run.
test("package.json's engines is read, and the Node running the tests satisfies it", () => {
  expect(supportedNodeRange()).toMatch(/\S/);
  expect(nodeSupportProblem()).toBeUndefined();
});
