import { getRegistry } from '../../../src/contract/index.ts';
import { complianceLine } from '../../../src/reporters/compliance/compliance-line.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { runErrorOf } from '../../../src/reporters/run/run-error.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// `npm run conformance -- --grep cancell` (a typo) matched no test: compliance.md's run error said only
// Playwright's "No tests found", which names neither the cause nor what to do.
test("Playwright's No tests found is a suite error that says what to check and how to list the tests", () => {
  for (const message of [
    'Error: No tests found',
    'No tests found.\nMake sure that arguments are regular expressions',
  ])
    expect(runErrorOf({ message })).toEqual({
      category: 'suite-error',
      line: 'No tests found: no test matched what the command line selected (--grep, file names, --last-failed, ...); check it, or list the tests with `npm run conformance -- --list`',
    });
});

test('any other run error keeps its own line, and a target-side class makes it the target’s', () => {
  expect(
    runErrorOf({ message: 'TargetUnreachableError: http://127.0.0.1:1: the API does not answer' }),
  ).toEqual({
    category: 'target-unreachable',
    line: 'TargetUnreachableError: http://127.0.0.1:1: the API does not answer',
  });
  // A target that answered its set-up wrongly is the target's too (exit 3), named apart from one unreached.
  expect(
    runErrorOf({ message: 'TargetAnswerError: http://127.0.0.1:1/_emulator/clock: answered 500' }),
  ).toEqual({
    category: 'target-unreachable',
    line: 'TargetAnswerError: http://127.0.0.1:1/_emulator/clock: answered 500',
  });
  expect(runErrorOf({ message: 'Error: boom\n    at x (y.ts:1:1)' })).toEqual({
    category: 'suite-error',
    line: 'boom',
  });
});

// The run's closing line said that every requirement had no test in it, and which --grep selected them,
// under Playwright's bare "No tests found": now what to check, as compliance.md says it.
test('the closing line of a run that ran no test gives its run error, not the partial-run notes', () => {
  const noTests = runErrorOf({ message: 'Error: No tests found' });
  // Not the checkout's reports/: a last complete report kept there would add its note to the line.
  const outDir = tempDir('run-error-');
  const report = buildComplianceReport({
    records: runRecords([], { runErrors: [noTests], narrowedBy: ['--grep', 'cancell'] }),
    targetName: 'embedded',
    registry: getRegistry(),
  });
  expect(complianceLine(outDir, 2, [report])).toBe(
    `compliance: ${outDir}/compliance.md (exit code 2, no test ran: ${noTests.line})`,
  );
});
