import type { TestCase } from '@playwright/test/reporter';
import { getRegistry } from '../../../src/contract/index.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { recordFromTest } from '../../../src/reporters/records/record-from-test.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

// A test as Playwright's reporter API hands it over when the run stopped before it started: no result.
function neverStarted(title: string): TestCase {
  return {
    title,
    location: { file: '/suite/cancel.spec.ts', line: 7, column: 3 },
    parent: { project: () => ({ name: 'conformance' }) },
    annotations: [{ type: 'requirement', description: 'CANCEL.FINAL' }],
    results: [],
    outcome: () => 'skipped',
    timeout: 30_000,
  } as unknown as TestCase;
}

test('a test the run stopped before says why it did not run, and its row does not say it twice', () => {
  const record = recordFromTest(neverStarted('cancel of a Failed action is refused'), '/suite', 'embedded');
  expect(record).toMatchObject({
    file: 'cancel.spec.ts',
    outcome: 'skipped',
    skipReason: 'the run stopped before it started',
  });
  const report = buildComplianceReport({
    records: runRecords([testRecord({ title: 'Succeeded', requirements: ['CANCEL.FINAL'] }), record]),
    targetName: 'embedded',
    registry: getRegistry(),
  });
  expect(renderMarkdown(report)).toContain(
    '| CANCEL.FINAL | MUST | PASS | 1 of 2 tests did not run: the run stopped before it started | 1/2 |',
  );
});

// A test whose precondition the configuration refuses (a scan the tenant refuses for MDE_MACHINE_ID)
// records no verdict and ends skipped, so Playwright keeps its worker: it is errored, not N/A.
test('a skipped test that recorded no verdict is errored with its line; a plain skip stays N/A', () => {
  const noVerdict = {
    type: 'mde-finding',
    description: JSON.stringify({
      kind: 'no-verdict',
      cause: 'suite',
      code: 'SCAN_CONFIG',
      text: 'MDE_MACHINE_ID names no device this tenant knows (404 ResourceNotFound)',
    }),
  };
  const skippedWith = (annotations: { type: string; description?: string }[]) =>
    ({
      ...neverStarted('a cancelled action reports status Cancelled'),
      results: [
        { status: 'skipped', annotations, duration: 3, startTime: new Date(), errors: [], steps: [] },
      ],
      outcome: () => 'skipped',
    }) as unknown as TestCase;
  const refused = recordFromTest(
    skippedWith([noVerdict, { type: 'skip', description: 'refused' }]),
    '/suite',
    'tenant',
  );
  expect(refused).toMatchObject({
    status: 'skipped',
    outcome: 'errored',
    error: {
      category: 'suite-error',
      line: 'a cancelled action reports status Cancelled: MDE_MACHINE_ID names no device this tenant knows (404 ResourceNotFound)',
    },
  });
  expect(refused.skipReason).toBeUndefined();
  const notApplicable = recordFromTest(
    skippedWith([{ type: 'skip', description: 'the target cannot move its clock' }]),
    '/suite',
    'tenant',
  );
  expect(notApplicable).toMatchObject({ outcome: 'skipped', skipReason: 'the target cannot move its clock' });
  // A lost exchange before a precondition that does not apply: the test is N/A, as need() said.
  const notApplicableAfterALoss = recordFromTest(
    skippedWith([
      { ...noVerdict, description: noVerdict.description.replace('"suite"', '"wire"') },
      {
        type: 'mde-finding',
        description: JSON.stringify({ kind: 'not-applicable', text: 'no second tenant' }),
      },
      { type: 'skip', description: 'no second tenant' },
    ]),
    '/suite',
    'tenant',
  );
  expect(notApplicableAfterALoss).toMatchObject({ outcome: 'skipped', skipReason: 'no second tenant' });
});

// Ctrl-C while a worker held a test it had not begun: Playwright ends it skipped, with a result and no
// skip of its own. "skipped without a reason" hid that the run stopped (seen on a SIGINT to a run).
test('a test ended skipped by a stopped run, with no skip of its own, says the run stopped first', () => {
  const stopped = {
    ...neverStarted('cancel of a Succeeded action is refused'),
    results: [
      { status: 'skipped', annotations: [], duration: 0, startTime: new Date(), errors: [], steps: [] },
    ],
  } as unknown as TestCase;
  expect(recordFromTest(stopped, '/suite', 'embedded')).toMatchObject({
    outcome: 'skipped',
    skipReason: 'the run stopped before it started',
  });
  // A skip the test asked for without a reason is still its own.
  const ownSkip = {
    ...stopped,
    results: [{ ...stopped.results[0], annotations: [{ type: 'skip' }] }],
  } as unknown as TestCase;
  expect(recordFromTest(ownSkip, '/suite', 'embedded').skipReason).toBe('skipped without a reason');
});

// An interrupted run (or --max-failures) leaves requirements whose tests never started: their NA says
// nothing about the target, as a --grep run's absent tests do, so the run is partial.
test('requirements whose every test the run stopped before are not run, and the headline says partial', () => {
  const registry = getRegistry();
  const tests = registry.requirements.map((r) =>
    r.id === 'CANCEL.FINAL'
      ? recordFromTest(neverStarted('cancel of a Failed action is refused'), '/suite', 'embedded')
      : testRecord({ title: r.id, requirements: [r.id] }),
  );
  const report = buildComplianceReport({
    records: runRecords(tests, { runErrors: [{ category: 'suite-error', line: 'the run was interrupted' }] }),
    targetName: 'embedded',
    registry,
  });
  expect(report.summary.notRun).toEqual(['CANCEL.FINAL']);
  expect(report.summary.exitReason).toContain('partial run: 1 of');
  expect(renderMarkdown(report)).toContain('**Run errored, partial run** (exit 2)');
});
