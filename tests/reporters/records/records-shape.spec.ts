import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords } from '../../../src/reporters/records/records-file.ts';
import { recordsProblems } from '../../../src/reporters/records/records-shape.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runScript } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A records file edited or cut by hand stops where it is read, in the words of its members, never as
// a TypeError of a reporter (src/reporters/records.schema.json).
const records = runRecords([testRecord({ requirements: ['CANCEL.OK'] })]);

test('records as the suite writes them have no problem', () => {
  expect(recordsProblems(records)).toEqual([]);
  expect(recordsProblems(runRecords([], { shard: { current: 1, total: 2 }, shardExitCode: 1 }))).toEqual([]);
});

test('each problem names the member and what it must be', () => {
  const { tests: _tests, ...noTests } = records;
  for (const [data, problems] of [
    [{ ...records, runErrors: null }, ['runErrors must be an array']],
    [{ ...records, targets: {} }, ['targets must name at least one target']],
    [noTests, ['tests is missing']],
    [
      { ...records, tests: [{ ...records.tests[0], outcome: 'fine', line: '1' }] },
      [
        'tests[0].line must be a whole number',
        'tests[0].outcome must be one of "passed", "failed", "errored", "skipped"',
      ],
    ],
    [
      { ...records, targets: { other: records.targets.embedded } },
      ['tests[0].target "embedded" is none of the targets (other)'],
    ],
  ] as const)
    expect(recordsProblems(data)).toEqual(problems);
});

test("an older suite's records say they are another contract's, before what their shape lacks", () => {
  const file = join(tempDir('records-older-'), 'old.json');
  const { findings: _findings, ...withoutFindings } = records.tests[0]!;
  writeFileSync(
    file,
    JSON.stringify({
      ...records,
      suite: { version: '0.0.9', contractHash: 'oldhash' },
      tests: [withoutFindings],
    }),
  );
  expect(() => readRecords(file)).toThrow(/\(suite 0\.0\.9\) checked contract oldhash, this checkout has/);
});

test('a records file saved with a byte-order mark is read', () => {
  const file = join(tempDir('records-bom-'), 'bom.json');
  writeFileSync(file, `\uFEFF${JSON.stringify(records)}`);
  expect(readRecords(file).tests).toHaveLength(1);
});

test('npm run report names the file and its first problem in one line, exit 2', () => {
  const file = join(tempDir('records-shape-'), 'm.json');
  writeFileSync(file, JSON.stringify({ ...records, runErrors: null }));
  const run = runScript('report.ts', '--records', file, '--no-allure');
  expect(run.stderr.trim().split('\n')).toEqual([
    `report: ${file} is not a compliance records file of this suite: runErrors must be an array`,
  ]);
  expect(run.status).toBe(2);
});
