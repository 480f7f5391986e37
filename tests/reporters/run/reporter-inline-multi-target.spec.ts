import { expect, test } from '../../helpers/api-test.ts';
import { config, type Report } from '../helpers/inline-suite.ts';
import {
  details,
  finding,
  type InlineRun,
  inlineWorkspace,
  removeWorkspaces,
  runInline,
} from '../helpers/run-inline.ts';

// The compliance reporter in a run of several targets: one report per target, an index and a matrix.
const MULTI_TARGET_SPEC = `
import { expect, test } from '@playwright/test';
for (const target of ['embedded', 'fault:cancel-new-id'])
  test.describe(target, { tag: '@target:' + target }, () => {
    test('an unknown id answers 404', ${details('CANCEL.NOTFOUND')}, async () => {});
    test('cancel answers the requested id', ${details('CANCEL.OK')}, async () => {
      if (target === 'embedded') return;
      test.info().annotations.push(${finding({ kind: 'no-verdict', cause: 'wire', code: 'TRANSPORT', text: 'POST /api/machineactions/{id}/cancel: connection reset before the answer was complete' })});
      // Lost while an assertion ran: Playwright's JUnit reporter calls that a failure, the records an error.
      expect(undefined, 'the answer to the cancel').toBeDefined();
    });
  });
`;

let runs: Record<'multiTarget', Promise<InlineRun>>;

test.beforeAll(() => {
  runs = {
    multiTarget: runInline(
      inlineWorkspace({
        'playwright.config.ts': config(['embedded', 'fault:cancel-new-id']),
        'a.spec.ts': MULTI_TARGET_SPEC,
      }),
    ),
  };
});
test.afterAll(() => removeWorkspaces(runs));

// One worker for the file, so beforeAll starts the child runs once even under fullyParallel.
test.describe.configure({ mode: 'default', timeout: 60_000 });

test('a multi-target run writes one report per target and an index of verdicts', async () => {
  const run = await runs.multiTarget;
  const index = run.json<{
    targets: { name: string; dir: string; exitCode: number; verdicts: Record<string, string> }[];
  }>('reports/targets/index.json');
  expect(index.targets.map((t) => [t.name, t.dir, t.exitCode, t.verdicts['CANCEL.OK']])).toEqual([
    ['embedded', 'targets/embedded', 0, 'PASS'],
    ['fault:cancel-new-id', 'targets/fault-cancel-new-id', 3, 'ERROR'],
  ]);
  const bad = run.json<Report>('reports/targets/fault-cancel-new-id/compliance.json');
  expect(bad.target).toMatchObject({ name: 'fault:cancel-new-id', mode: 'embedded' });
  expect(bad.summary).toMatchObject({ errored: 1, erroredBy: { targetUnreachable: 1, suiteError: 0 } });
  expect(bad.requirements.find((r) => r.id === 'CANCEL.OK')!.reason).toBe(
    'cancel answers the requested id: POST /api/machineactions/{id}/cancel: connection reset before the answer was complete',
  );
  expect(run.read('reports/compliance.md')).toContain('| CANCEL.OK | PASS | ERROR |');
  expect(run.read('reports/compliance.md')).toContain('| CANCEL.NOTFOUND | PASS | PASS |');
  expect(run.exitCode).toBe(1);
  // Playwright's JUnit reporter, listed after the compliance reporter, wrote the lost exchange as a
  // failure; once every reporter has ended it is an error there too, as the records judged it.
  const lost = run
    .read('reports/junit.xml')
    .match(/<testcase name="fault:cancel-new-id › cancel answers[\s\S]*?<\/testcase>/)![0];
  expect(lost).toContain('<error');
  expect(lost).not.toContain('<failure');
});
