import fs, { existsSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { FileWriteError } from '../../../src/common/file-write-error.ts';
import { getRegistry } from '../../../src/contract/index.ts';
import {
  removeVerdicts,
  removeWholeRunReports,
  writeComplianceReports,
} from '../../../src/reporters/run/write-reports.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { config } from '../helpers/inline-suite.ts';
import { runRecords, testRecord } from '../helpers/records.ts';
import { details, inlineWorkspace, runInline } from '../helpers/run-inline.ts';

test.afterEach(removeTempDirs);

// Setting the last complete report aside (earlier-complete.ts) moved files with Node's own calls: a
// directory this user may not write, a full disk, ended the run with Node's "EACCES: permission denied,
// rename ..." and a stack trace, not the suite's FileWriteError that the reporters tell in one line.
// No test can make root meet EACCES: Node's call is made to fail as the file system would.
function failing<K extends 'renameSync' | 'mkdirSync'>(name: K, code: string, work: () => void): unknown {
  const real = fs[name];
  (fs as unknown as Record<string, unknown>)[name] = () => {
    throw Object.assign(new Error(`${code}: refused, ${name}`), { code });
  };
  syncBuiltinESMExports();
  try {
    work();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    (fs as unknown as Record<string, unknown>)[name] = real;
    syncBuiltinESMExports();
  }
}

function completeRun(): string {
  const outDir = tempDir('earlier-complete-errors-');
  const registry = getRegistry();
  const records = runRecords([testRecord({ requirements: registry.requirements.map((r) => r.id) })], {
    runId: 'run-complete',
  });
  writeComplianceReports(records, { outDir, registry, requireMust: false });
  expect(existsSync(join(outDir, 'compliance.json'))).toBe(true);
  return outDir;
}

for (const [name, code] of [
  ['renameSync', 'EACCES'],
  ['renameSync', 'EPERM'],
  ['mkdirSync', 'ENOSPC'],
] as const)
  for (const [what, setAside] of [
    ['a run', removeVerdicts],
    ['a shard', removeWholeRunReports],
  ] as const)
    test(`${what} whose earlier-complete move meets ${code} throws the suite's write error naming the path`, () => {
      const outDir = completeRun();
      const error = failing(name, code, () => setAside(outDir));
      expect(error).toBeInstanceOf(FileWriteError);
      expect((error as FileWriteError).code).toBe(code);
      expect((error as FileWriteError).file.startsWith(join(outDir, 'earlier-complete'))).toBe(true);
      expect((error as FileWriteError).message).toMatch(/^cannot write .*earlier-complete.*\(E[A-Z]+\); /);
      // The complete report is still in reports/, or already aside: never lost.
      expect(
        existsSync(join(outDir, 'compliance.json')) ||
          existsSync(join(outDir, 'earlier-complete', 'compliance.json')),
      ).toBe(true);
    });

// In Playwright's runner: one line naming the path and the fix, no stack trace, a failed run. The move
// failed before the run's records were written, so the line must not send the user to npm run report
// over an earlier run's records: this run's verdict is lost and it must run again. The config (run in
// the runner's process) makes the move aside fail as a directory this user may not write would.
test('the compliance reporter tells a move aside refused (EACCES) in one line, and the run fails', async () => {
  test.setTimeout(60_000);
  const refuse = `import fs, { mkdirSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
mkdirSync('reports', { recursive: true });
writeFileSync('reports/compliance.json', JSON.stringify({ generatedAt: '2020-01-01T00:00:00Z', summary: { exitCode: 0, notRun: [] } }));
const rename = fs.renameSync;
fs.renameSync = (from, to) => {
  if (String(to).includes('earlier-complete')) throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
  return rename(from, to);
};
syncBuiltinESMExports();
`;
  const dir = inlineWorkspace({
    'playwright.config.ts': refuse + config(['embedded']),
    'a.spec.ts': `import { test } from '@playwright/test';
test('cancel of a Pending action answers 200', ${details('CANCEL.OK')}, async () => {});
`,
  });
  const run = await runInline(dir);
  const said = run.output.split('\n').filter((line) => line.includes('earlier-complete'));
  expect(said, run.output).toEqual([
    "compliance: cannot write reports/earlier-complete/compliance.json: this user may not write it (EACCES); make it and its directory writable (chmod u+w) or remove it; this run's verdict is lost: run npm run conformance again once that is fixed",
  ]);
  expect(run.output).not.toMatch(/^\s+at /m);
  expect(run.exitCode).toBe(1);
  // The complete report is not lost.
  expect(run.json('reports/compliance.json')).toMatchObject({ generatedAt: '2020-01-01T00:00:00Z' });
});
