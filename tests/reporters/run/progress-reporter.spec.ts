import type { FullConfig, Suite, TestCase } from '@playwright/test/reporter';
import ProgressReporter from '../../../src/reporters/run/progress-reporter.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The self-test's progress: a line every tenth of the way, and one after 15 s without any, so a slow
// stretch (the hour-limit tests) does not read as a run that stopped (35 s of silence did).
test('progress is told every tenth of the way, and after 15 s of slow tests in between', () => {
  let now = 0;
  const lines: string[] = [];
  const reporter = new ProgressReporter({ now: () => now, log: (line) => lines.push(line) });
  const suite = { allTests: () => Array.from({ length: 100 }) } as unknown as Suite;
  reporter.onBegin({} as FullConfig, suite);
  const end = (count: number, at: number) => {
    now = at;
    for (let i = 0; i < count; i++) reporter.onTestEnd({} as TestCase);
  };
  end(5, 1_000);
  end(1, 16_500);
  end(4, 17_000);
  end(3, 20_000);
  end(7, 21_000);
  end(1, 37_000);
  expect(lines).toEqual([
    'running 100 tests',
    '  6 % (6/100) in 17 s',
    '  10 % (10/100) in 17 s',
    '  20 % (20/100) in 21 s',
    '  21 % (21/100) in 37 s',
  ]);
});
