import { matrixNotWritten } from '../../src/selftest/matrix-not-written.ts';
import { expect, test } from '../helpers/api-test.ts';

// A Ctrl-C in the self-test's first seconds ended with "the matrix run wrote no compliance report
// (Playwright exit 130)", exit 1: read as the suite failing its self-test.
test('a matrix run stopped by a signal is said to be stopped, exit 130', () => {
  const { line, exitCode } = matrixNotWritten(130);
  expect(line).toMatch(/^self-test: stopped \(Ctrl-C or SIGTERM\) before the matrix run could report/);
  expect(exitCode).toBe(130);
});

test('a matrix run that failed otherwise is still a failure, exit 1', () => {
  expect(matrixNotWritten(2)).toEqual({
    line: 'self-test: the matrix run wrote no compliance report (Playwright exit 2).',
    exitCode: 1,
  });
});
