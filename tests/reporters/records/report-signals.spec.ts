import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { writeRecords } from '../../../src/reporters/records/records-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A Ctrl-C once `npm run report` has written the compliance reports ended it with no leak scan, while
// its Allure child (a process group of its own) went on writing allure-report/ after the command had
// returned. The first signal now waits for the evidence, as after a conformance run's tests.
test('a Ctrl-C after npm run report wrote the compliance reports waits for Allure and the leak scan', async () => {
  const dir = tempDir('report-signal-');
  writeRecords(join(dir, RECORDS_FILE), runRecords([testRecord({ requirements: ['CANCEL.OK'] })]));
  mkdirSync(join(dir, 'allure-results'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'scripts', 'report.ts'), '--dir', dir],
    { cwd: repoRoot, env: withoutMdeVariables() },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdout.on('data', (chunk) => {
    const first = !stdout.includes('compliance:');
    stdout += chunk;
    if (first && stdout.includes('compliance:')) child.kill('SIGINT');
  });
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  expect(stderr).toContain(
    "SIGINT: the compliance reports are written; finishing this run's evidence first (send it again to stop now)",
  );
  expect(stdout).toContain('leak-scan:');
  expect(existsSync(join(dir, 'allure-report'))).toBe(true);
  expect(status).toBe(0);
});
