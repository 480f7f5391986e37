import { expect, test } from '../helpers/api-test.ts';
import type { Listed } from './listed-suite.ts';
import { readmeCountProblems } from './readme-counts.ts';

// A contributor who adds a requirement as docs/writing-tests.md shows meets this check next: it once
// failed with only `Expected substring: "of 34 requirements; 87 tests,"`, naming neither the README
// line nor how to write the sample again. Each problem now says both.
const test1 = (id: string): Listed => ({ title: id, file: 'x.spec.ts', tags: [], requirements: [id] });
const IDS = ['CANCEL.FINAL', 'CANCEL.OK', 'GET.NOTFOUND'];
const LISTED = [test1('CANCEL.FINAL'), test1('CANCEL.FINAL'), test1('CANCEL.OK'), test1('GET.NOTFOUND')];

const readme = (registry: string, headline: string, row: string) =>
  [
    '# Title',
    registry,
    '## Reading the report',
    'From a run with one fault (`MDE_EMULATOR_FAULTS=final-state-500 npm run conformance`, exit 1):',
    '```',
    headline,
    '',
    '| ID | Level | Verdict | Reason / observed | Tests |',
    '|---|---|---|---|---|',
    row,
    '```',
    '## Next',
  ].join('\n');
const REGISTRY = 'The registry holds 3 requirements (`CANCEL.*`, `GET.NOTFOUND`), checked by 4 tests.';
const HEADLINE =
  '**Not conforming** (exit 1): 1 PASS, 1 FAIL, 0 WARN, 0 ERROR, 0 NA, 1 OBSERVED of 3 requirements; 4 tests, 0 errored.';
const ROW = '| CANCEL.FINAL | MUST | FAIL | reason | 2/2 (2 failed) |';

test('a README in step with the suite has no problem', () => {
  expect(readmeCountProblems(readme(REGISTRY, HEADLINE, ROW), IDS, LISTED)).toEqual({
    samples: 1,
    problems: [],
  });
});

test('a stale count names the README line and the command that writes the sample again', () => {
  const ids = [...IDS, 'GET.BADID'];
  const listed = [...LISTED, test1('GET.BADID'), test1('CANCEL.FINAL')];
  const { problems } = readmeCountProblems(readme(REGISTRY, HEADLINE, ROW), ids, listed);
  const fix =
    'run `MDE_EMULATOR_FAULTS=final-state-500 npm run conformance` and copy the headline and these rows of its reports/compliance.md';
  expect(problems).toEqual([
    'README.md:2: says the registry holds 3 requirements checked by 4 tests; write 4 and 6',
    'README.md:2: GET.BADID is in none of the families it lists (CANCEL.*, GET.NOTFOUND): add it there',
    `README.md:6: the sample's headline says "of 3 requirements; 4 tests,", the suite has 4 requirements and 6 tests: ${fix}`,
    `README.md:10: CANCEL.FINAL's row counts "2/2 (2 failed)", 3 tests claim CANCEL.FINAL: ${fix}`,
  ]);
});

test('verdicts that do not add up, and a FAIL row without its failed tests, are problems', () => {
  const headline = HEADLINE.replace('1 PASS', '2 PASS');
  const { problems } = readmeCountProblems(
    readme(REGISTRY, headline, ROW.replace(' (2 failed)', '')),
    IDS,
    LISTED,
  );
  expect(problems).toEqual([
    expect.stringMatching(
      /^README\.md:6: the sample's verdicts add up to 4, not 3: run `MDE_EMULATOR_FAULTS/,
    ),
    expect.stringMatching(
      /^README\.md:10: CANCEL\.FINAL's row counts "2\/2", 2 tests claim CANCEL\.FINAL: run/,
    ),
  ]);
});
