import { getRegistry } from '../../../src/contract/index.ts';
import { type Baseline, parseBaseline } from '../../../src/reporters/baseline/baseline.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import type { TestRecord } from '../../../src/reporters/records/test-record.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { errored, failed, runRecords, skipped, testRecord } from '../helpers/records.ts';

// The bold words that open compliance.md, which auditors file: "Conforming" must not say more than the
// run judged. The exit code and summary.exitReason stay as docs/interfaces.md fixes them.
const registry = getRegistry();
const musts = registry.requirements.filter((r) => r.level === 'MUST').map((r) => r.id);
const WARN_ENTRY = '- id: CANCEL.FIELDS\n  verdict: WARN\n  reason: no comment\n';
const baseline = parseBaseline(
  `- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: answers 200\n${WARN_ENTRY}`,
  'baselines/x.yaml',
);

// A whole run: every requirement has a test, passing unless told otherwise.
function wholeRun(change: Record<string, Partial<TestRecord>>, withBaseline?: Baseline) {
  const tests = registry.requirements.map((r) =>
    testRecord({ title: r.id, requirements: [r.id], ...change[r.id] }),
  );
  const report = buildComplianceReport({
    records: runRecords(tests),
    targetName: 'embedded',
    registry,
    ...(withBaseline ? { baseline: withBaseline } : {}),
  });
  return {
    report,
    headline: /^\*\*(.*)\*\* \(exit (\d)\)/m.exec(renderMarkdown(report))!.slice(1).join(' | exit '),
  };
}

test('a conforming run that left MUST requirements NA says how many beside "Conforming"', () => {
  // A read-only tenant: the write and clock tests skipped by their switches.
  const off = Object.fromEntries(musts.slice(0, 13).map((id) => [id, skipped('MDE_ALLOW_WRITES is off')]));
  const { report, headline } = wholeRun(off);
  expect(report.summary.exitCode).toBe(0);
  expect(report.summary.exitReason).toBe('no MUST requirement failed and nothing errored');
  expect(headline).toBe(`Conforming, 13 of ${musts.length} MUST not judged (NA) | exit 0`);
  expect(wholeRun({}).headline).toBe('Conforming | exit 0');
});

test('on a tenant, the MUSTs no tenant run can judge are said apart among those not judged', () => {
  const tenant = {
    mode: 'tenant' as const,
    apiHost: 'api.securitycenter.microsoft.com',
    description: 'tenant',
  };
  // As a read-only tenant run skips them: the two no tenant can judge, and a write switched off.
  const skips: Record<string, string> = {
    'AUTH.EXPIRED': 'no clock to move',
    'CANCEL.TENANT': 'no second tenant',
    'CANCEL.OK': 'writes are off',
  };
  const tests = registry.requirements.map((r) =>
    testRecord({
      title: r.id,
      requirements: [r.id],
      target: 'tenant',
      ...(skips[r.id] ? skipped(skips[r.id]!) : {}),
    }),
  );
  const report = buildComplianceReport({
    records: runRecords(tests, { targets: { tenant } }),
    targetName: 'tenant',
    registry,
  });
  expect(renderMarkdown(report)).toContain(
    `**Conforming, 3 of ${musts.length} MUST not judged (NA; 2 of them not applicable to tenant targets)** (exit 0)`,
  );
});

test('a run conforming only through its baseline names the baseline and how many deviations it excused', () => {
  const warns = { 'CANCEL.FIELDS': failed('cancellationComment: expected the Comment, got null') };
  const { report, headline } = wholeRun(
    { ...warns, 'CANCEL.FINAL': failed('expected a 4xx, got 200') },
    baseline,
  );
  expect(report.summary.exitCode).toBe(0);
  expect(headline).toBe('Conforming to baseline baselines/x.yaml (2 known deviations) | exit 0');
  // A SHOULD's known deviation (a WARN) never decides conformance: "Conforming" needs no baseline then.
  const warnsOnly = parseBaseline(WARN_ENTRY, 'baselines/y.yaml');
  expect(wholeRun(warns, warnsOnly).headline).toBe('Conforming | exit 0');
});

test('a run that does not conform keeps its plain meaning: the reason after it says the rest', () => {
  const { headline } = wholeRun({
    'CANCEL.OK': failed('expected 200, got 500'),
    'CANCEL.STATUS': skipped('MDE_ALLOW_WRITES is off'),
  });
  expect(headline).toBe('Not conforming | exit 1');
});

// An emulator without a control endpoint, or one resetting a few calls, answered the rest: "Target
// unreachable" alone misstated it, and the bold words never said that rows went unjudged.
test('a run whose tests reached no verdict says how many requirements got none, beside its meaning', () => {
  const total = registry.requirements.length;
  const lost = errored('cancel of a Succeeded action: /_emulator/clock/advance answered 404');
  const incomplete = wholeRun({ 'CANCEL.FINAL': lost, 'CANCEL.TIMEOUT': lost });
  expect(incomplete.report.summary.exitCode).toBe(3);
  expect(incomplete.headline).toBe(
    `Incomplete, 2 of ${total} requirements reached no verdict (ERROR) | exit 3`,
  );
  // Beside a failed MUST the run does not conform, and still says what went unjudged.
  const failing = wholeRun({ 'CANCEL.OK': failed('expected 200, got 500'), 'CANCEL.FINAL': lost });
  expect(failing.headline).toBe(
    `Not conforming, 1 of ${total} requirements reached no verdict (ERROR) | exit 1`,
  );
});

// An emulator that answered its preflight wrongly (an app registered with 200 for 201, a token that is
// no JWT) was reached: "Target unreachable" sent its author to check the URL. One that did not answer
// still reads so.
test('a run stopped because the emulator answered its set-up wrongly does not read "Target unreachable"', () => {
  const stopped = (line: string) =>
    /^\*\*(.*)\*\* \(exit (\d)\)/m
      .exec(
        renderMarkdown(
          buildComplianceReport({
            records: runRecords([], { runErrors: [{ category: 'target-unreachable', line }] }),
            targetName: 'embedded',
            registry,
          }),
        ),
      )!
      .slice(1)
      .join(' | exit ');
  expect(
    stopped(
      'ControlProtocolError: http://127.0.0.1:4598/_emulator/apps answered 200: expected 201; no body. The emulator must answer as docs/interfaces.md#control-protocol says.',
    ),
  ).toBe(
    'Stopped before any test: the target answered, but not as docs/interfaces.md says, partial run | exit 3',
  );
  expect(
    stopped(
      'TargetAnswerError: http://127.0.0.1:4598/t/oauth2/v2.0/token: answered 200, but its access_token is not a JWT. Issue JWTs',
    ),
  ).toBe(
    'Stopped before any test: the target answered, but not as docs/interfaces.md says, partial run | exit 3',
  );
  expect(
    stopped(
      'TargetUnreachableError: http://127.0.0.1:9: the API does not answer: connection refused. Check it',
    ),
  ).toBe('Target unreachable, partial run | exit 3');
});

// A token endpoint's 500 reads "server_error (500)", no "answered 500": the preflight's class says it.
test('a token endpoint that answered 500 is not called unreachable', () => {
  const line =
    'TargetAnswerError: http://127.0.0.1:4598/t/oauth2/v2.0/token: no token: server_error (500). The token endpoint failed (its log may say why); it must answer as docs/interfaces.md#emulator-token-endpoint describes';
  const md = renderMarkdown(
    buildComplianceReport({
      records: runRecords([], { runErrors: [{ category: 'target-unreachable', line }] }),
      targetName: 'embedded',
      registry: getRegistry(),
    }),
  );
  expect(md).toContain('Stopped before any test: the target answered');
});

// An emulator killed mid-run (here during the rate tests): the first exchange lost was one of a burst,
// and every later test met a refused connection. The headline and the reason quoted only that first
// loss, which reads as a burst the target could not take, not as a target that stopped.
test('a target that stopped listening mid-run is said so first, in the headline and the reason', () => {
  const ids = registry.requirements.map((r) => r.id);
  const burst =
    'calls 1 to 100 in a minute are served: POST /api/machineactions/{id}/cancel: connection reset before the answer was complete (one of 100 calls sent at once)';
  const change: Record<string, Partial<TestRecord>> = { [ids[0]!]: errored(burst) };
  for (const id of ids.slice(1, 4))
    change[id] = errored(`${id} test: POST /api/machineactions/{id}/cancel: connection refused`);
  for (const id of ids.slice(4, 6))
    change[id] = errored(
      `${id} test: http://127.0.0.1:4598/_emulator/machines did not answer: connection refused: the emulator stopped listening; check that it still runs`,
    );
  const { report, headline } = wholeRun(change);
  expect(report.summary.exitCode).toBe(3);
  expect(headline).toBe(
    `Incomplete: the target stopped listening during the run, 6 of ${ids.length} requirements reached no verdict (ERROR) | exit 3`,
  );
  expect(report.summary.exitReason).toBe(
    `6 test(s) or run step(s) reached no verdict: the target stopped listening during the run (5 test(s) met a refused connection, the first: ${ids[1]}); check that it still runs; the first exchange lost: ${burst}`,
  );
  // A loss without a refusal reads as before.
  expect(wholeRun({ [ids[0]!]: errored(burst) }).headline).toBe(
    `Incomplete, 1 of ${ids.length} requirements reached no verdict (ERROR) | exit 3`,
  );
});
