import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRecords } from '../../../src/reporters/records/test-record.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { config, type Report, SPEC } from '../helpers/inline-suite.ts';
import { type InlineRun, inlineWorkspace, removeWorkspaces, runInline } from '../helpers/run-inline.ts';

// The compliance reporter in a whole one-target run: compliance.json, compliance.md, JUnit and the
// records, with a known deviation from a baseline.
let runs: Record<'oneTarget', Promise<InlineRun>>;

test.beforeAll(() => {
  const one = inlineWorkspace({ 'playwright.config.ts': config(['embedded']), 'a.spec.ts': SPEC });
  writeFileSync(join(one, 'known.yaml'), '- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: answers 200\n');
  runs = {
    oneTarget: runInline(one, [], { MDE_BASELINE: join(one, 'known.yaml') }),
  };
});
test.afterAll(() => removeWorkspaces(runs));

// One worker for the file, so beforeAll starts the child runs once even under fullyParallel.
test.describe.configure({ mode: 'default', timeout: 60_000 });

test('a one-target run writes compliance.json with verdicts, and a known deviation does not fail it', async () => {
  const run = await runs.oneTarget;
  const report = run.json<Report>('reports/compliance.json');
  const byId = Object.fromEntries(report.requirements.map((r) => [r.id, r]));
  expect(byId['CANCEL.OK']).toMatchObject({ verdict: 'PASS' });
  expect(byId['SCHEMA.CONTENTTYPE']).toMatchObject({
    verdict: 'WARN',
    reason: 'cancel of a Pending action answers 200: answered text/plain',
  });
  expect(byId['CANCEL.FINAL']).toMatchObject({
    verdict: 'FAIL',
    reason: 'cancel of a Succeeded action is rejected: status of the cancel: expected 400, got 200',
    baseline: { status: 'known' },
  });
  expect(byId['CANCEL.NOCOMMENT']).toMatchObject({ verdict: 'OBSERVED', observed: 'accepted with 200' });
  expect(byId['AUTH.EXPIRED']).toMatchObject({ verdict: 'NA', reason: 'the target cannot move its clock' });
  // A TypeError of the suite reaches no verdict: ERROR, never FAIL, and the run proves nothing (exit 2).
  expect(byId['CANCEL.PERSIST']).toMatchObject({ verdict: 'ERROR' });
  expect(byId['CANCEL.PERSIST']!.reason).toContain(
    "a suite bug is not a verdict on the target: TypeError: Cannot read properties of undefined (reading 'id')",
  );
  expect(report.summary).toMatchObject({
    mustFailed: 0,
    errored: 1,
    erroredBy: { suiteError: 1 },
    exitCode: 2,
  });
  expect(run.exitCode).toBe(1);
  expect(run.read('reports/compliance.md')).toContain('| CANCEL.FINAL | MUST | FAIL (known deviation) |');
  const junit = run.read('reports/junit.xml');
  expect(junit).toContain('<property name="requirement" value="CANCEL.FINAL">');
  // The known deviation's test stays a failure there, marked as one that does not fail the run.
  const finalCase = /<testcase name="cancel of a Succeeded action is rejected"[\s\S]*?<\/testcase>/.exec(
    junit,
  )![0];
  expect(finalCase).toContain('<property name="known-deviation" value="CANCEL.FINAL">');
  expect(finalCase).toContain('<failure');
  expect(junit).not.toMatch(/<testcase name="a suite bug[^>]*>(?:(?!<\/testcase>)[\s\S])*known-deviation/);
  expect(run.json<RunRecords>('test-results/compliance-records.json').tests).toHaveLength(5);
});
