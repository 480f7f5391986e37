import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// Time is injected: the emulator's logic reads its virtual clock, the harness's a Clock, a test the
// driver's clockNow(). Only the two clocks read the wall clock; anything else would run on real time
// in a suite whose emulator modes move time by the virtual clock (docs/architecture.md).
const SCANNED = ['src/emulator', 'src/harness', 'tests/conformance', 'tests/fixtures'];
const CLOCKS = ['src/emulator/clock/virtual-clock.ts', 'src/harness/wall-clock.ts'];
// `new Date()`, and `new Date` without parentheses, which is the same call.
const READS_WALL_CLOCK = /\bDate\.now\(\)|\bnew Date\s*(\(\s*\)|(?![\s(]))/;

function wallClockReads(file: string, source: string): string[] {
  return source
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => READS_WALL_CLOCK.test(line.replace(/\/\/.*$/, '')))
    .map(([, n]) => `${file}:${n}`);
}

test('only the clocks read the wall clock; logic and tests take the time they are given', () => {
  const files = SCANNED.flatMap((dir) =>
    readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.[cm]?[jt]s$/.test(name))
      .map((name) => `${dir}/${name}`),
  ).filter((file) => !CLOCKS.includes(file));
  const reads = files.flatMap((file) => wallClockReads(file, readFileSync(join(repoRoot, file), 'utf8')));
  expect(
    reads,
    "take the time from a clock: a Clock (src/harness/wall-clock.ts), the emulator's, or driver.clockNow()",
  ).toEqual([]);
});

test('the check sees a call, and not a default or a comment', () => {
  expect(wallClockReads('x.ts', 'const t = Date.now();\nconst d = new Date();\nconst e = new Date;')).toEqual(
    ['x.ts:1', 'x.ts:2', 'x.ts:3'],
  );
  expect(
    wallClockReads('x.ts', 'this.now = options.now ?? Date.now;\n// Date.now() is not read here'),
  ).toEqual([]);
  expect(wallClockReads('x.ts', 'new Date(ms)')).toEqual([]);
});
