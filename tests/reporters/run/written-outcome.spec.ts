import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRunOutcome, readShardOutcome } from '../../../src/reporters/run/written-outcome.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

const EARLIER = '2020-01-01T00:00:00Z';
const RUN_STARTED = Date.parse('2026-01-01T00:00:00Z');

// npm run conformance reads its exit code from the report its run wrote; one left by an earlier run
// (a shard, --list, a run that stopped before its reporters) must not decide it.
test("an earlier run's compliance.json does not decide this run's outcome", () => {
  const dir = tempDir('outcome-');
  writeFileSync(
    join(dir, 'compliance.json'),
    JSON.stringify({ generatedAt: EARLIER, summary: { exitCode: 1, exitReason: 'old' } }),
  );
  expect(readRunOutcome(dir, RUN_STARTED)).toBeUndefined();
  expect(readRunOutcome(dir)).toEqual({ exitCode: 1, exitReason: 'old' });
});

test("a matrix run's outcome is read from targets/index.json, and only if this run wrote it", () => {
  const dir = tempDir('outcome-');
  mkdirSync(join(dir, 'targets'));
  const index = (generatedAt: string) =>
    JSON.stringify({ generatedAt, exitCode: 3, exitReason: 'a target unreachable', targets: [] });
  writeFileSync(join(dir, 'targets', 'index.json'), index(EARLIER));
  expect(readRunOutcome(dir, RUN_STARTED)).toBeUndefined();
  writeFileSync(join(dir, 'targets', 'index.json'), index('2026-06-01T00:00:00Z'));
  expect(readRunOutcome(dir, RUN_STARTED)).toEqual({ exitCode: 3, exitReason: 'a target unreachable' });
});

test('a directory without reports has no outcome', () => {
  expect(readRunOutcome(tempDir('outcome-'))).toBeUndefined();
});

// A shard writes no whole-run report: its own code travels in its records, so that a CI job gating on a
// shard sees 1 for a failed MUST, not 2 ("suite error").
test("a shard's outcome is the code its records carry, and only this run's records count", () => {
  const file = join(tempDir('outcome-'), 'records.json');
  const records = (startedAt: string, extra: object) =>
    JSON.stringify({ version: 1, startedAt, tests: [], ...extra });
  writeFileSync(file, records('2026-06-01T00:00:00Z', { shard: { current: 1, total: 2 }, shardExitCode: 1 }));
  expect(readShardOutcome(file, RUN_STARTED)).toMatchObject({ exitCode: 1 });
  writeFileSync(file, records(EARLIER, { shard: { current: 1, total: 2 }, shardExitCode: 1 }));
  expect(readShardOutcome(file, RUN_STARTED)).toBeUndefined();
  writeFileSync(file, records('2026-06-01T00:00:00Z', {}));
  expect(readShardOutcome(file, RUN_STARTED)).toBeUndefined();
});

// A run killed while writing leaves a file cut short: no outcome, so the script falls back to the
// runner's status and still writes the Allure report and runs the leak scan.
test('a report or records file cut short, or without its time, is no outcome', () => {
  const dir = tempDir('outcome-');
  writeFileSync(join(dir, 'compliance.json'), '{"generatedAt": "2026-06-01T00:00:00Z", "summ');
  expect(readRunOutcome(dir, RUN_STARTED)).toBeUndefined();
  writeFileSync(join(dir, 'compliance.json'), JSON.stringify({ summary: { exitCode: 1, exitReason: 'x' } }));
  expect(readRunOutcome(dir, RUN_STARTED)).toBeUndefined();
  const file = join(dir, 'records.json');
  writeFileSync(file, '{"version": 1, "shard": {"current": 1');
  expect(readShardOutcome(file, RUN_STARTED)).toBeUndefined();
  writeFileSync(file, JSON.stringify({ shard: { current: 1, total: 2 }, shardExitCode: 1 }));
  expect(readShardOutcome(file, RUN_STARTED)).toBeUndefined();
});
