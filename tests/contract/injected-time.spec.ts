import { expect, test } from '../helpers/api-test.ts';
import { linesMatching, sourcesUnder, withoutComments } from './source-scan.ts';

// Time is injected: the emulator's logic reads its virtual clock, the harness's and the reporters' a
// Clock, a test the driver's clockNow(). Only the clocks read the wall clock; anything else would run on real time
// in a suite whose emulator modes move time by the virtual clock (docs/architecture.md).
const SCANNED = [
  'src/emulator',
  'src/harness',
  'src/reporters',
  'src/selftest',
  'tests/conformance',
  'tests/fixtures',
];
const CLOCKS = [
  'src/emulator/clock/virtual-clock.ts',
  'src/harness/wall-clock.ts',
  'src/selftest/independent-emulator/virtual-clock.ts',
];
// Date.now(), `new Date()` or `new Date` (no argument, across lines too), and Date() called bare.
const READS_WALL_CLOCK = /\bDate\.now\(\)|\bnew\s+Date\b(?!\s*\(\s*[^)\s])|(?<![\w.$])Date\(\s*\)/g;

function wallClockReads(file: string, source: string): string[] {
  return linesMatching({ file, code: withoutComments(source) }, READS_WALL_CLOCK);
}

test('only the clocks read the wall clock; logic and tests take the time they are given', () => {
  const reads = sourcesUnder(SCANNED, CLOCKS).flatMap((source) => linesMatching(source, READS_WALL_CLOCK));
  expect(
    reads,
    "take the time from a clock: a Clock (src/harness/wall-clock.ts), the emulator's, or driver.clockNow()",
  ).toEqual([]);
});

test('the check sees a call, and not a default or a comment', () => {
  expect(
    wallClockReads(
      'x.ts',
      'const t = Date.now();\nconst d = new Date();\nconst e = new Date;\nconst f = new Date\n  ();\nconst s = Date();',
    ),
  ).toEqual(['x.ts:1', 'x.ts:2', 'x.ts:3', 'x.ts:4', 'x.ts:6']);
  expect(
    wallClockReads('x.ts', 'this.now = options.now ?? Date.now;\n// Date.now() is not read here'),
  ).toEqual([]);
  // A time given, other Date-named things, and prose in comments are no reads of the clock.
  const given = [
    'new Date(ms)',
    'new Date (ms)',
    'new Date\n  (ms)',
    'new DateTimeFormat()',
    'new Intl.DateTimeFormat()',
    'value.toDate()',
    '/* never call new Date() here */',
    '/**\n * new Date without an argument reads the clock\n */',
  ];
  for (const source of given) expect(wallClockReads('x.ts', source), source).toEqual([]);
});
