import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileWriteError } from '../../../src/common/file-write-error.ts';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { temporaryFileOf } from '../../../src/common/write-whole.ts';
import { getRegistry } from '../../../src/contract/index.ts';
import { type RunPlan, targetInfo } from '../../../src/harness/run/run-plan.ts';
import type { AllureGenerator } from '../../../src/reporters/allure/allure-generate.ts';
import { writeRecords } from '../../../src/reporters/records/records-file.ts';
import { finishRun } from '../../../src/reporters/run/finish-run.ts';
import { writeComplianceReports } from '../../../src/reporters/run/write-reports.ts';
import { readRunOutcome } from '../../../src/reporters/run/written-outcome.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { config } from '../helpers/inline-suite.ts';
import { runRecords, testRecord } from '../helpers/records.ts';
import { details, inlineWorkspace, runInline } from '../helpers/run-inline.ts';

test.afterEach(removeTempDirs);
// /dev/full fails every write with ENOSPC on Linux: a full disk without filling one.
test.skip(process.platform !== 'linux', 'needs /dev/full');

// A report write that failed for a full disk ended in Playwright's stack trace; compliance.json, written
// first, then told the run's code as if its reports were whole (exit 0 beside no compliance.md).
test('a report that cannot be written (ENOSPC) leaves no verdict of this run, nor an earlier one', () => {
  const dir = tempDir('report-full-');
  const outDir = join(dir, 'reports');
  mkdirSync(outDir);
  const earlier = join(outDir, 'compliance.json');
  writeFileSync(earlier, JSON.stringify({ generatedAt: '2020-01-01T00:00:00Z', summary: { exitCode: 0 } }));
  symlinkSync('/dev/full', temporaryFileOf(join(outDir, 'compliance.md')));
  const records = runRecords([testRecord({ requirements: ['CANCEL.OK'] })]);
  let error: unknown;
  try {
    writeComplianceReports(records, { outDir, registry: getRegistry(), requireMust: false });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FileWriteError);
  expect((error as FileWriteError).file).toBe(join(outDir, 'compliance.md'));
  expect(existsSync(earlier)).toBe(false);
  expect(readRunOutcome(outDir)).toBeUndefined();
});

const embedded = { mode: 'embedded' as const };
const PLAN: RunPlan = {
  runId: 'write-failure-test',
  requestTimeoutMs: 1_000,
  testTimeoutMs: 1_000,
  exchanges: 'quiet',
  targets: [{ name: 'embedded', spec: embedded, info: targetInfo(embedded) }],
};

const noAllure = {
  pid: undefined,
  async generate() {
    return { generated: false, durationMs: 0, message: 'not asked' };
  },
} as AllureGenerator;

// Its records written, its report not: a stopped-run report said "no test ran" over them, and exit 2
// was the only true thing in it.
test('a run whose records were written but whose report was not ends with exit 2 and points to npm run report', async () => {
  const root = tempDir('report-full-finish-');
  const startedAt = Date.now();
  const records = runRecords([testRecord({ requirements: ['CANCEL.OK'] })], {
    runId: PLAN.runId,
    startedAt: new Date(startedAt + 1).toISOString(),
  });
  writeRecords(join(root, RECORDS_FILE), records);
  const lines: string[] = [];
  const code = await finishRun({
    root,
    cwd: root,
    env: {},
    log: (line) => lines.push(line),
    allure: noAllure,
    skipAllure: true,
    run: { startedAt, playwrightExit: 1, plan: PLAN },
  });
  expect(code).toBe(2);
  expect(lines[0]).toBe(
    `compliance: no report of this run in reports/ (the compliance line above says why); exit 2: its records are in ${RECORDS_FILE}, for npm run report`,
  );
  expect(existsSync(join(root, 'reports', 'compliance.json'))).toBe(false);
  expect(JSON.parse(readFileSync(join(root, RECORDS_FILE), 'utf8')).tests).toHaveLength(1);
});

// The compliance reporter, in Playwright's runner: one line naming the file, the cause and the fix,
// no stack trace, a failed run, and the records kept for npm run report. The config links the
// runner's temporary name for compliance.md to /dev/full (the config runs in the runner's process).
test('the compliance reporter says a full disk in one line, and the run fails', async () => {
  test.setTimeout(60_000);
  const full = `import { mkdirSync, symlinkSync } from 'node:fs';
mkdirSync('reports', { recursive: true });
try { symlinkSync('/dev/full', \`reports/.\${process.pid}-compliance.md.tmp\`); } catch {}
`;
  const dir = inlineWorkspace({
    'playwright.config.ts': full + config(['embedded']),
    'a.spec.ts': `import { test } from '@playwright/test';
test('cancel of a Pending action answers 200', ${details('CANCEL.OK')}, async () => {});
`,
  });
  const run = await runInline(dir);
  const said = run.output.split('\n').filter((line) => line.includes('compliance.md'));
  expect(said, run.output).toEqual([
    "compliance: cannot write reports/compliance.md: no space is left on its disk (ENOSPC); free space there; then rebuild this run's reports from test-results/compliance-records.json with npm run report",
  ]);
  expect(run.output).not.toMatch(/^\s+at /m);
  expect(run.exitCode).toBe(1);
  expect(existsSync(join(dir, 'reports', 'compliance.json'))).toBe(false);
  expect(run.json(RECORDS_FILE)).toMatchObject({
    tests: [{ title: 'cancel of a Pending action answers 200' }],
  });
});

// The records go first: a full disk there left the earlier run's compliance.json in reports/, whole and
// beside this run's junit.xml, for a CI step to read as this run's verdict.
test("records that cannot be written leave no earlier run's verdict in reports/", async () => {
  test.setTimeout(60_000);
  const full = `import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
mkdirSync('reports/targets', { recursive: true });
mkdirSync('test-results', { recursive: true });
writeFileSync('reports/compliance.json', '{"generatedAt":"2020-01-01T00:00:00Z","summary":{"exitCode":0}}');
writeFileSync('reports/targets/index.json', '{"generatedAt":"2020-01-01T00:00:00Z","exitCode":0}');
try { symlinkSync('/dev/full', \`test-results/.\${process.pid}-compliance-records.json.tmp\`); } catch {}
`;
  const dir = inlineWorkspace({
    // Playwright empties its own output directory, test-results/ by default, as the run starts.
    'playwright.config.ts':
      full + config(['embedded']).replace("testDir: '.',", "testDir: '.', outputDir: 'pw',"),
    'a.spec.ts': `import { test } from '@playwright/test';
test('cancel of a Pending action answers 200', ${details('CANCEL.OK')}, async () => {});
`,
  });
  const run = await runInline(dir);
  expect(run.output, run.output).toContain('cannot write test-results/compliance-records.json');
  expect(run.exitCode).toBe(1);
  expect(existsSync(join(dir, 'reports', 'compliance.json'))).toBe(false);
  expect(existsSync(join(dir, 'reports', 'targets', 'index.json'))).toBe(false);
});
