import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';
import { listingPlan, listSuite } from './listed-suite.ts';

// docs/reports.md counts the suite in prose; both counts below had gone stale (the files "twelve" at 22,
// and the --grep-invert example "one of three" at three of five) as tests were added.
const PLAN = listingPlan();
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const doc = () => readFileSync(join(repoRoot, 'docs', 'reports.md'), 'utf8').replace(/\s+/g, ' ');

// The count as the page writes it, so that a stale one fails naming both numbers, not the whole page.
const written = (pattern: RegExp) => doc().match(pattern)?.slice(1) ?? ['(sentence not found)'];

test('docs/reports.md names as many test files as tests/conformance holds', () => {
  const files = readdirSync(join(repoRoot, 'tests', 'conformance'), { recursive: true, encoding: 'utf8' });
  const count = files.filter((f) => f.endsWith('.spec.ts')).length;
  expect(written(/as the suite has files \((\w+)\)/), 'docs/reports.md, "Shards"').toEqual([`${count}`]);
});

test("docs/reports.md's --grep-invert example counts CANCEL.FINAL's tests as the suite has them", async () => {
  const final = (await listSuite(PLAN)).filter((t) => t.requirements.includes('CANCEL.FINAL'));
  const kept = final.filter((t) => !/Failed|Cancelled action/.test(t.title)).length;
  expect(
    written(/keeps (\w+) of CANCEL\.FINAL's (\w+) tests.*?whose row then reads PASS (\w+)\//),
    'docs/reports.md, "Partial runs"',
  ).toEqual([WORDS[kept], WORDS[final.length], `${kept}`]);
});
