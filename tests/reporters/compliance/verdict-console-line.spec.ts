import { join } from 'node:path';
import { getRegistry } from '../../../src/contract/index.ts';
import type { ComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { writeRunEnd } from '../../../src/reporters/compliance/run-end-reports.ts';
import { verdictLine } from '../../../src/reporters/compliance/verdict-line.ts';
import { writeComplianceReports } from '../../../src/reporters/run/write-reports.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { failed, runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A first run ended on Playwright's "92 passed" and the report's path: the verdict (Conforming or not,
// how many PASS, FAIL, NA, ...) was only in a file the reader had not opened yet.
const all = getRegistry().requirements.map((r) => r.id);

function runEnd(tests: ReturnType<typeof testRecord>[]): string[] {
  const outDir = tempDir('verdict-line-');
  const said: string[] = [];
  writeRunEnd(runRecords(tests), {
    outDir,
    shard: null,
    recordsFile: join(outDir, 'records.json'),
    baseline: undefined,
    recordsWritten: () => {},
    say: (line) => said.push(line),
  });
  return said;
}

test('the end of a run says its verdict and counts on the console, where to read each row after it', () => {
  const said = runEnd(all.map((id) => testRecord({ title: id, requirements: [id] })));
  const verdict = said.find((line) => line.startsWith('verdict: '));
  expect(verdict).toMatch(
    /^verdict: Conforming \(exit 0\): .* \d+ PASS, 0 FAIL, 0 WARN, 0 ERROR, 0 NA, \d+ OBSERVED of \d+ requirements/,
  );
  expect(verdict).toContain('compliance.md');
});

test('a failed MUST reads Not conforming on the console, naming it', () => {
  const tests = all.map((id) =>
    id === 'CANCEL.FINAL'
      ? testRecord({ title: id, requirements: [id], ...failed('status: expected a 4xx status, got 500') })
      : testRecord({ title: id, requirements: [id] }),
  );
  const verdict = runEnd(tests).find((line) => line.startsWith('verdict: '));
  expect(verdict).toMatch(/^verdict: Not conforming \(exit 1\): .*CANCEL\.FINAL.* 1 FAIL,/);
});

test('the verdict line shows no token its reason quotes', () => {
  const outDir = tempDir('verdict-line-');
  const records = runRecords(all.map((id) => testRecord({ title: id, requirements: [id] })));
  const { reports } = writeComplianceReports(records, {
    outDir,
    registry: getRegistry(),
    baseline: undefined,
  });
  const token = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
  const report: ComplianceReport = {
    ...reports[0]!,
    summary: { ...reports[0]!.summary, exitReason: `lost: GET /api/machineactions/${token}` },
  };
  const line = verdictLine([report]);
  expect(line).toContain('lost: GET /api/machineactions/');
  expect(line).not.toContain(token);
});
