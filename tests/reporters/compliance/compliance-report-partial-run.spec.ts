import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { partialRun } from '../../../src/reporters/compliance/partial-run.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { requirementId, runRecords, skipped, testRecord } from '../helpers/records.ts';
import { now, registry, report } from '../helpers/sample-report.ts';

// A partial run: requirements no test looked at, whether a --grep left them out or the run stopped first.

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

// A run error's line ends its sentence ("... docs/interfaces.md#control-protocol says."): the clauses
// that follow it in exitReason read "says; partial run", not "says.; partial run".
test('the clauses of exitReason after a run error that ends a sentence are joined without ".;"', () => {
  const line =
    'ControlProtocolError: http://127.0.0.1:4598/_emulator/apps answered 200: expected 201. See the docs.';
  const records = { ...runRecords([]), runErrors: [{ category: 'target-unreachable' as const, line }] };
  const stopped = buildComplianceReport({ records, targetName: 'embedded', registry, now });
  expect(stopped.summary.exitReason).toContain('See the docs; partial run: ');
  expect(stopped.summary.exitReason).not.toContain('.;');
});
