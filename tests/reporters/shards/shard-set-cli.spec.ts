import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords, writeRecords } from '../../../src/reporters/records/records-file.ts';
import type { RunRecords, TestRecord } from '../../../src/reporters/records/test-record.ts';
import { shardFiles } from '../../../src/reporters/shards/shard-arguments.ts';
import { shardSetProblem } from '../../../src/reporters/shards/shard-set.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runScript } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { failed, runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A shards directory still holding an earlier run's files was merged as if they belonged: one report on
// the evidence of two runs (each case below merged, exit 0 or 1, before shard-set.ts). Now one line
// naming the files and the fix, exit 2, and nothing written.
const tests = [
  testRecord({ file: 'a.spec.ts', line: 1, title: 'a', requirements: ['CANCEL.OK'] }),
  testRecord({ file: 'b.spec.ts', line: 2, title: 'b', requirements: ['CANCEL.FINAL'] }),
  testRecord({ file: 'c.spec.ts', line: 3, title: 'c', requirements: ['CANCEL.NOTFOUND'] }),
];

interface Shard {
  file?: string;
  current: number;
  total: number;
  tests: TestRecord[];
  records?: Partial<RunRecords>;
}

// The shard files as a run leaves them, in a directory of their own.
function shardsDir(shards: Shard[]) {
  const dir = tempDir('shard-set-');
  for (const s of shards)
    writeRecords(
      join(dir, 'reports', 'shards', s.file ?? `shard-${s.current}-of-${s.total}.json`),
      runRecords(s.tests, { shard: { current: s.current, total: s.total }, ...s.records }),
    );
  return { dir, shards: join(dir, 'reports', 'shards') };
}

function merge(shards: Shard[]) {
  const { dir, shards: path } = shardsDir(shards);
  const run = runScript('merge-shards.ts', '--dir', dir, '--no-allure');
  return { run, dir, shards: path };
}

function expectRefused({ run, dir, shards }: ReturnType<typeof merge>, line: RegExp) {
  const lines = run.stderr.trim().split('\n');
  expect(lines).toEqual([expect.stringMatching(line)]);
  expect(lines[0]!.startsWith(`merge-shards: ${shards}: `)).toBe(true);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.status).toBe(2);
  expect(existsSync(join(dir, 'reports', 'compliance.json'))).toBe(false);
}

// The other refusals in-process, read as merge-shards.ts reads them (shardFiles, readRecords,
// shardSetProblem): a refusal is one line, and the first test proves what the script does with it.
function expectProblem(shards: Shard[], line: RegExp) {
  const dir = shardsDir(shards).shards;
  const set = shardFiles(dir).map((name) => ({ name, records: readRecords(join(dir, name)) }));
  expect(shardSetProblem(set)?.split('\n')).toEqual([expect.stringMatching(line)]);
}

const earlier = { startedAt: '2026-01-01T00:00:00.000Z' };
const later = { startedAt: '2026-01-02T00:00:00.000Z' };

test('an earlier run split in 2 beside this run split in 3 is refused, the earlier one named', () => {
  const result = merge([
    // Yesterday's run found CANCEL.FINAL failing; today's passes it: merged, the report read FAIL.
    {
      current: 1,
      total: 2,
      tests: [tests[0]!, { ...tests[1]!, ...failed('expected 400, got 200') }],
      records: earlier,
    },
    { current: 2, total: 2, tests: [tests[2]!], records: earlier },
    { current: 1, total: 3, tests: [tests[0]!], records: later },
    { current: 2, total: 3, tests: [tests[1]!], records: later },
    { current: 3, total: 3, tests: [tests[2]!], records: later },
  ]);
  expectRefused(
    result,
    /the shards of 2 \(shard-1-of-2\.json, shard-2-of-2\.json, started 2026-01-01.*\) and of 3 \(.*started 2026-01-02.*\) both ran a\.spec\.ts:1 "a" and 2 more: two runs split differently; remove the other run's files/,
  );
});

test('shards that ran against different targets are refused', () => {
  const emulator = {
    emulator: {
      mode: 'emulator' as const,
      apiHost: '127.0.0.1:4010',
      description: 'an emulator at 127.0.0.1:4010',
    },
  };
  expectProblem(
    [
      { current: 1, total: 2, tests: [tests[0]!] },
      {
        current: 2,
        total: 2,
        tests: [{ ...tests[1]!, target: 'emulator' }],
        records: { targets: emulator },
      },
    ],
    /shard-1-of-2\.json ran against embedded, shard-2-of-2\.json against emulator: these are shards of two runs/,
  );
});

test('shards of a given MDE_RUN_ID beside one of another run id are refused', () => {
  expectProblem(
    [
      { current: 1, total: 2, tests: [tests[0]!], records: { runId: 'ci-4411' } },
      { current: 2, total: 2, tests: [tests[1]!], records: { runId: 'ci-4398' } },
    ],
    /shard-1-of-2\.json is of run ci-4411, shard-2-of-2\.json of run ci-4398: shards of one run share its MDE_RUN_ID/,
  );
});

test('the same shard twice (shard-1-of-2.json and shard-01-of-2.json) is refused', () => {
  expectProblem(
    [
      { current: 1, total: 2, tests: [tests[0]!] },
      { file: 'shard-01-of-2.json', current: 1, total: 2, tests: [tests[0]!], records: earlier },
      { current: 2, total: 2, tests: [tests[1]!] },
    ],
    /shard 1 of 2 is there 2 times \(shard-01-of-2\.json, shard-1-of-2\.json\): keep the file of the run to merge/,
  );
});

test('a shard file holding another shard (a copy under the wrong name) is refused', () => {
  expectProblem(
    [
      { current: 1, total: 2, tests: [tests[0]!] },
      { file: 'shard-2-of-2.json', current: 1, total: 2, tests: [tests[0]!] },
    ],
    /shard-2-of-2\.json holds the records of shard 1 of 2, not of shard 2 of 2 as its name says/,
  );
});

// Legitimate, and merged as before: a clock job of its own beside a split of the rest, and shards whose
// run ids each machine generated.
test('a dedicated 1/1 job beside a split of the other tests merges, and the console says so', () => {
  const generated = (n: number) => ({ runId: `run-20260102T00000${n}-a1b2c${n}` });
  const { run } = merge([
    { current: 1, total: 1, tests: [{ ...tests[2]!, project: 'conformance-clock' }], records: generated(1) },
    { current: 1, total: 2, tests: [tests[0]!], records: generated(2) },
    { current: 2, total: 2, tests: [tests[1]!], records: generated(3) },
  ]);
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('merge-shards: merged 2 splits of different shard counts');
  expect(run.status).toBe(0);
});

// Not refused: the report is written with the missing shard's run error (exit 2), and the console
// says how to mend it, where it said only that the shard was missing.
test('a missing shard is named on the console with what to do, and the merge exits 2', () => {
  const { run, dir, shards } = merge([{ current: 1, total: 2, tests: [tests[0]!] }]);
  expect(run.stderr.trim().split('\n')).toEqual([
    'merge-shards: shard 2 of 2 is missing',
    `merge-shards: the merged report lacks the tests of the missing shard (exit 2): copy each one's shard-<i>-of-<n>.json into ${shards}, or run \`npm run conformance -- --shard=i/n\` for it, then merge again`,
  ]);
  expect(run.status).toBe(2);
  expect(existsSync(join(dir, 'reports', 'compliance.json'))).toBe(true);
});
