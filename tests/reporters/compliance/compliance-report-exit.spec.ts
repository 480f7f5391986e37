import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { partialRun } from '../../../src/reporters/compliance/partial-run.ts';
import { EXIT, worstOf } from '../../../src/reporters/run/run-outcome.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { errored, failed, runRecords, skipped, suiteErrored, testRecord } from '../helpers/records.ts';
import { now, registry, report } from '../helpers/sample-report.ts';

// The compliance report's summary: its counts, its exit code and the reason that names what decided it.

test('the summary counts verdicts, MUST failures and errors, and the exit code follows them', () => {
  const { summary } = report();
  expect(summary.verdicts.PASS).toBe(1);
  expect(summary.verdicts.FAIL).toBe(1);
  expect(summary.verdicts.OBSERVED).toBe(1);
  expect(summary.mustFailed).toBe(1);
  expect(summary.exitCode).toBe(1);
  // Four requirements have tests here: the rest make it a partial run, which the reason says too.
  expect(summary.exitReason).toBe(
    `MUST requirements failed: CANCEL.FINAL; ${partialRun(registry.requirements.length - 4, registry.requirements.length)}`,
  );
});

test('with MDE_REQUIRE_MUST_COVERAGE a MUST left NA fails the run; without it, it does not', () => {
  const tests = registry.requirements
    .filter((r) => r.id !== 'AUTH.EXPIRED')
    .map((r) => testRecord({ title: r.id, requirements: [r.id] }));
  tests.push(
    testRecord({ title: 'expired', requirements: ['AUTH.EXPIRED'], ...skipped('the target has no clock') }),
  );
  const build = (requireMust: boolean) =>
    buildComplianceReport({ records: runRecords(tests), targetName: 'embedded', registry, now, requireMust })
      .summary;
  expect(build(false)).toMatchObject({ exitCode: 0 });
  expect(build(true)).toMatchObject({
    exitCode: 1,
    exitReason: 'MUST requirements not judged, which MDE_REQUIRE_MUST_COVERAGE forbids: AUTH.EXPIRED',
  });
});

test('on a run that fails anyway, the reason still names the MUST requirements left unjudged', () => {
  const tests = registry.requirements
    .filter((r) => r.id !== 'AUTH.EXPIRED')
    .map((r) =>
      testRecord({
        title: r.id,
        requirements: [r.id],
        ...(r.id === 'CANCEL.FINAL' ? failed('expected status 4xx, got 200') : {}),
      }),
    );
  tests.push(
    testRecord({ title: 'expired', requirements: ['AUTH.EXPIRED'], ...skipped('the target has no clock') }),
  );
  const { summary } = buildComplianceReport({
    records: runRecords(tests),
    targetName: 'embedded',
    registry,
    now,
    requireMust: true,
  });
  expect(summary).toMatchObject({
    exitCode: 1,
    exitReason:
      'MUST requirements failed: CANCEL.FINAL; MUST requirements not judged, which MDE_REQUIRE_MUST_COVERAGE forbids: AUTH.EXPIRED',
  });
});

test('an unreachable target makes the run exit 3, any other error 2, each counted by category', () => {
  const { summary } = report([testRecord({ requirements: ['CANCEL.OK'], ...errored('ECONNREFUSED') })]);
  expect(summary.errored).toBe(1);
  expect(summary.erroredBy).toEqual({ targetUnreachable: 1, suiteError: 0 });
  expect(summary.exitCode).toBe(3);
  const mixed = report([
    testRecord({ requirements: ['CANCEL.OK'], ...suiteErrored('TypeError: x is undefined') }),
  ]);
  expect(mixed.summary.exitCode).toBe(2);
});

test('across targets the same order holds: a leak, then a suite error, then a failed MUST, then unreachable', () => {
  expect(worstOf([EXIT.UNREACHABLE, EXIT.NOT_CONFORMING])).toBe(EXIT.NOT_CONFORMING);
  expect(worstOf([EXIT.NOT_CONFORMING, EXIT.ERRORED])).toBe(EXIT.ERRORED);
  expect(worstOf([EXIT.ERRORED, EXIT.LEAKED, EXIT.CONFORMING])).toBe(EXIT.LEAKED);
  expect(worstOf([EXIT.CONFORMING, EXIT.UNREACHABLE])).toBe(EXIT.UNREACHABLE);
  expect(worstOf([])).toBe(EXIT.CONFORMING);
});

test('a run error names the suite error that decided it, not a lost exchange met first', () => {
  const { summary } = report([
    testRecord({ requirements: ['CANCEL.OK'], ...errored('GET /x: no answer within 10 s') }),
    testRecord({ requirements: ['CANCEL.FINAL'], ...suiteErrored('TypeError: x is undefined') }),
  ]);
  expect(summary.exitCode).toBe(2);
  expect(summary.exitReason).toMatch(
    /^2 test\(s\) or run step\(s\) reached no verdict: TypeError: x is undefined/,
  );
});

test('a MUST that failed wins over lost exchanges: exit 1, and the reason names both', () => {
  const { summary } = report([
    testRecord({ requirements: ['CANCEL.FINAL'], ...failed('expected status 4xx, got 200') }),
    testRecord({
      requirements: ['CANCEL.OK'],
      ...errored('GET /api/machineactions/{id}: no answer within 10 s'),
    }),
  ]);
  expect(summary.exitCode).toBe(1);
  expect(summary.exitReason).toMatch(
    /^MUST requirements failed: CANCEL\.FINAL; 1 test\(s\) or run step\(s\) reached no verdict: GET .*: no answer within 10 s/,
  );
});
