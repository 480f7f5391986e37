import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { finishRun } from '../../../src/reporters/run/finish-run.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { runRecords, suiteErrored, testRecord } from '../helpers/records.ts';
import { allureSpy, PLAN, runDirectory } from './finished-run.ts';

test.afterEach(removeTempDirs);

// A Ctrl-C that reached Playwright's runner just after the compliance report was written (between its
// reporters' end and their exit, when the compliance reporter aligns junit.xml) left junit.xml as
// Playwright wrote it: 278 KB of findings, and an interrupted test as skipped beside a compliance
// report that calls it errored. The script now aligns it once the runner has exited.

const PLAYWRIGHTS = `<testsuites id="" name="" tests="2" failures="0" skipped="1" errors="0" time="2.2">
<testsuite name="cancel.spec.ts" timestamp="2026-12-03T18:41:45.154Z" hostname="conformance" tests="2" failures="0" skipped="1" time="0.3" errors="0">
<testcase name="cancel › first passes" classname="cancel.spec.ts" time="0.01">
</testcase>
<testcase name="cancel › second hangs" classname="cancel.spec.ts">
<skipped>
</skipped>
</testcase>
</testsuite>
</testsuites>`;

test('a junit.xml the runner was stopped before aligning is aligned by the script after it', async () => {
  const startedAt = Date.now() - 60_000;
  // The run wrote its report, its records and Playwright's junit.xml, then the runner was stopped.
  const { root } = runDirectory(new Date().toISOString());
  const records = runRecords(
    [
      testRecord({ title: 'first passes', file: 'cancel.spec.ts' }),
      testRecord({
        title: 'second hangs',
        file: 'cancel.spec.ts',
        ...suiteErrored('second hangs: the run was interrupted'),
      }),
    ],
    { runId: PLAN.runId, startedAt: new Date(startedAt + 1_000).toISOString() },
  );
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, RECORDS_FILE), JSON.stringify(records));
  writeFileSync(join(root, 'reports', 'junit.xml'), PLAYWRIGHTS);
  const lines: string[] = [];
  await finishRun({
    root,
    cwd: root,
    env: {},
    log: (line) => lines.push(line),
    allure: allureSpy().generator,
    run: { startedAt, playwrightExit: 130, plan: PLAN },
  });
  const xml = readFileSync(join(root, 'reports', 'junit.xml'), 'utf8');
  expect(xml).toMatch(/^<testsuites [^>]*errors="1"/);
  expect(xml).toContain('<error message="second hangs: the run was interrupted"');
  expect(lines).toContain('junit: 1 test(s) marked error or failure, as the compliance records judged them');
});
