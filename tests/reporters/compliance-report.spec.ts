import { getRegistry } from '../../src/contract/index.ts';
import { buildComplianceReport, partialRun } from '../../src/reporters/compliance-report.ts';
import { renderJson } from '../../src/reporters/render-json.ts';
import { renderMarkdown } from '../../src/reporters/render-markdown.ts';
import { EXIT, worstOf } from '../../src/reporters/run-outcome.ts';
import { suiteInfo } from '../../src/reporters/suite-info.ts';
import { renderTargetIndex } from '../../src/reporters/target-index.ts';
import { expect, test } from '../helpers/api-test.ts';
import {
  errored,
  failed,
  requirementId,
  runRecords,
  skipped,
  suiteErrored,
  testRecord,
} from './helpers/records.ts';

const registry = getRegistry();
const now = new Date('2026-01-02T03:04:05.000Z');

function report(tests = defaultTests(), env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return buildComplianceReport({ records: runRecords(tests), targetName: 'embedded', registry, now });
  } finally {
    process.env = saved;
  }
}

function defaultTests() {
  return [
    testRecord({ title: 'cancel of a Pending action answers 200', requirements: ['CANCEL.OK'] }),
    testRecord({
      title: 'cancel of a Succeeded action is rejected',
      requirements: ['CANCEL.FINAL'],
      ...failed('cancel of a Succeeded action is rejected: expected status 4xx, got 200'),
    }),
    testRecord({
      title: 'expired token',
      requirements: ['AUTH.EXPIRED'],
      ...skipped('the target has no clock'),
    }),
    testRecord({
      title: 'cancel without Comment',
      requirements: ['CANCEL.NOCOMMENT'],
      findings: [{ kind: 'observed', id: requirementId('CANCEL.NOCOMMENT'), text: 'accepted with 200' }],
    }),
  ];
}

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

test('an observation is credited to its own requirement only', () => {
  const [first, second] = registry.requirements.filter((r) => r.level === 'OBSERVE');
  const built = report([
    testRecord({
      title: 'first observation',
      requirements: [first!.id],
      findings: [{ kind: 'observed', id: requirementId(first!.id), text: 'accepted with 200' }],
    }),
    testRecord({ title: 'second observation', requirements: [second!.id] }),
  ]);
  const row = (id: string) => built.requirements.find((r) => r.id === id)!;
  expect(row(first!.id).observed).toBe('accepted with 200');
  expect(row(second!.id).observed).toBe('nothing was recorded');
});

test('the Target line names the host once, whether the description holds it or not', () => {
  const emulator = {
    mode: 'emulator' as const,
    apiHost: '127.0.0.1:4010',
    description: 'emulator at http://127.0.0.1:4010',
  };
  const built = buildComplianceReport({
    records: runRecords(defaultTests(), { targets: { embedded: emulator } }),
    targetName: 'embedded',
    registry,
    now,
  });
  expect(renderMarkdown(built)).toContain('- Target: emulator at http://127.0.0.1:4010\n');

  // An embedded target's profile and faults are fields for machines and words for people, said once.
  const embedded = {
    mode: 'embedded' as const,
    apiHost: 'loopback',
    description: 'embedded reference emulator (profile lenient; faults final-state-500)',
    profile: 'lenient',
    faults: ['final-state-500'],
    seed: 'seed.json',
  };
  const md = renderMarkdown(
    buildComplianceReport({
      records: runRecords(defaultTests(), { targets: { embedded } }),
      targetName: 'embedded',
      registry,
      now,
    }),
  );
  expect(md).toContain(
    '- Target: embedded reference emulator (profile lenient; faults final-state-500), embedded at loopback, seed seed.json\n',
  );
});

test('a run that left requirements without any test is partial: they are listed and the headline says so', () => {
  const everyOne = registry.requirements.map((r) => testRecord({ title: r.id, requirements: [r.id] }));
  const whole = report(everyOne);
  expect(whole.summary.notRun).toEqual([]);
  expect(whole.summary.exitReason).toBe('no MUST requirement failed and nothing errored');
  expect(renderMarkdown(whole)).toContain('**Conforming** (exit 0)');

  // A skipped test still ran (a safety switch, a target without clock): only absent ones narrow the run.
  const narrowed = report([
    ...everyOne.filter((t) => !['CANCEL.OK', 'RATE.HOUR'].includes(t.title)),
    testRecord({ title: 'CANCEL.OK skipped', requirements: ['CANCEL.OK'], ...skipped('writes are off') }),
  ]);
  expect(narrowed.summary.notRun).toEqual(['RATE.HOUR']);
  expect(narrowed.summary.exitCode).toBe(0);
  expect(narrowed.summary.exitReason).toContain(partialRun(1, registry.requirements.length));
  const md = renderMarkdown(narrowed);
  // Its NA MUSTs (one skipped, one without a test) are said beside "Conforming" (headline.spec.ts).
  const musts = registry.requirements.filter((r) => r.level === 'MUST').length;
  expect(md).toContain(`**Conforming, partial run, 2 of ${musts} MUST not judged (NA)** (exit 0)`);
  expect(md).toContain('> Partial run: 1 of');
  expect(md).toContain('narrowed by --grep');
  // Its Tests cell does not read "0/0", which would say no test claims it; a skipped test counts 0 of 1.
  expect(md).toMatch(/\| RATE\.HOUR \| MUST \| NA \| [^|]+ \| – \|/);
  expect(md).toMatch(/\| CANCEL\.OK \| MUST \| NA \| [^|]+ \| 0\/1 \|/);
  // A requirement whose own tests did not run, but which another test's exchange showed violated, has
  // a verdict: it is not among those the run says nothing about.
  const violated = report([
    ...everyOne.filter((t) => t.title !== 'SCHEMA.ENTITY' && t.title !== 'CANCEL.OK'),
    testRecord({
      title: 'CANCEL.OK',
      requirements: ['CANCEL.OK'],
      findings: [{ kind: 'violation', id: requirementId('SCHEMA.ENTITY'), text: 'status: must be string' }],
    }),
  ]);
  expect(violated.requirements.find((r) => r.id === 'SCHEMA.ENTITY')?.verdict).toBe('FAIL');
  expect(violated.summary.notRun).toEqual([]);
});

// Not narrowed: a run the target's or the configuration's refusal stopped before its first test.
test('a run stopped before any test says so in its partial-run box, not that it was narrowed', () => {
  const records = {
    ...runRecords([]),
    runErrors: [{ category: 'target-unreachable' as const, line: 'refused' }],
  };
  const stopped = buildComplianceReport({ records, targetName: 'embedded', registry, now });
  const md = renderMarkdown(stopped);
  expect(md).toContain('> Partial run: no test ran');
  expect(md).toContain('The run stopped before its tests');
  expect(md).not.toContain('narrowed by --grep');
  // The box points at the run error, which follows it.
  expect(md).toContain('(the run error below says why)');
  expect(md.indexOf('- Run error (target-unreachable): refused')).toBeGreaterThan(
    md.indexOf('> Partial run'),
  );
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

test('compliance.json matches its schema and carries statement, area, docUrl and tests per requirement', () => {
  const json = JSON.parse(renderJson(report()));
  const final = json.requirements.find((r: { id: string }) => r.id === 'CANCEL.FINAL');
  expect(final).toMatchObject({
    level: 'MUST',
    verdict: 'FAIL',
    area: 'cancel',
    reason: 'cancel of a Succeeded action is rejected: expected status 4xx, got 200',
    tests: [{ title: 'cancel of a Succeeded action is rejected', status: 'failed' }],
  });
  expect(final.docUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  expect(json.suite).toEqual({ name: expect.any(String), ...suiteInfo() });
});

test('a report written after its run (npm run report, a merge) says when its run was, not only when it was written', () => {
  const records = runRecords(defaultTests(), { runId: 'run-20260101T000000-abcdef' });
  const built = buildComplianceReport({ records, targetName: 'embedded', registry, now });
  const json = JSON.parse(renderJson(built));
  expect(json.generatedAt).toBe(now.toISOString());
  expect(json.startedAt).toBe(records.startedAt);
  expect(json.runId).toBe('run-20260101T000000-abcdef');
  const md = renderMarkdown(built);
  expect(md).toContain(
    '- Run: run-20260101T000000-abcdef, started 2026-01-01T00:00:00.000Z, lasted 1.0 s\n- Generated: 2026-01-02T03:04:05.000Z\n',
  );
  // Merged shards have no one run id: the line says when the first began.
  const { runId: _none, ...merged } = records;
  expect(
    renderMarkdown(buildComplianceReport({ records: merged, targetName: 'embedded', registry, now })),
  ).toContain('- Run: started 2026-01-01T00:00:00.000Z, lasted 1.0 s\n');
});

test("a multi-target run's index and matrix say when the run was, as each target's report does", () => {
  const records = runRecords(defaultTests(), { runId: 'run-20260101T000000-abcdef' });
  const built = buildComplianceReport({ records, targetName: 'embedded', registry, now });
  const { json, markdown } = renderTargetIndex([built]);
  expect(JSON.parse(json)).toMatchObject({
    generatedAt: now.toISOString(),
    startedAt: records.startedAt,
    runId: 'run-20260101T000000-abcdef',
  });
  expect(markdown).toContain(
    'run run-20260101T000000-abcdef, started 2026-01-01T00:00:00.000Z, generated 2026-01-02T03:04:05.000Z.',
  );
});

test('compliance.md has a header, a summary line, one row per requirement and the NA note', () => {
  const md = renderMarkdown(report());
  expect(md).toContain('# Compliance report: embedded');
  expect(md).toContain('- Target: embedded reference emulator, embedded at 127.0.0.1:4010\n');
  expect(md).toContain(`contract ${suiteInfo().contractHash}`);
  // The cause first, then the counts: "Not conforming: 1 PASS, 0 FAIL" must never read as a reason.
  expect(md).toContain(
    '**Not conforming, partial run** (exit 1): MUST requirements failed: CANCEL.FINAL; partial run:',
  );
  expect(md).toContain('had no test in it. 1 PASS, 1 FAIL');
  expect(md).toContain(
    '| CANCEL.FINAL | MUST | FAIL | cancel of a Succeeded action is rejected: expected status 4xx, got 200 | 1/1 |',
  );
  expect(md).toContain('| AUTH.EXPIRED | MUST | NA | the target has no clock | 0/1 |');
  expect(md).toContain('| CANCEL.NOCOMMENT | OBSERVE | OBSERVED | accepted with 200 | 1/1 |');
  expect(md.match(/^\| [A-Z]+\.[A-Z0-9_]+ \|/gm)).toHaveLength(registry.requirements.length);
  expect(md).toContain('NA means the requirement was not checked on this target');
});

test('no configured secret or client id reaches compliance.json or compliance.md', () => {
  const env = {
    MDE_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    MDE_CLIENT_SECRET: 'S3cr3t~value.xyz',
  };
  const tests = [
    testRecord({
      requirements: ['CANCEL.OK'],
      ...failed(`app ${env.MDE_CLIENT_ID} with secret ${env.MDE_CLIENT_SECRET} got 401`),
    }),
  ];
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const built = report(tests, env);
    for (const text of [renderJson(built), renderMarkdown(built)]) {
      expect(text).not.toContain(env.MDE_CLIENT_ID);
      expect(text).not.toContain(env.MDE_CLIENT_SECRET);
      expect(text).toContain('[CLIENT-ID]');
    }
  } finally {
    process.env = saved;
  }
});
