import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { type RunPlan, targetInfo } from '../../../src/harness/run/run-plan.ts';
import { writeStoppedRunReport } from '../../../src/reporters/run/stopped-run-report.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { namedPipe } from '../../helpers/named-pipe.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// PLAYWRIGHT_JUNIT_OUTPUT_FILE naming a pipe (a CI step that reads the XML as it comes, /dev/stdout):
// Playwright wrote its XML there, then the compliance reporter read the pipe back to align it and
// waited for ever, the run hung after its compliance line and ignored SIGTERM; and a run stopped at its
// preflight renamed a file over the pipe (as root, over /dev/stdout too).
test.skip(process.platform === 'win32', 'mkfifo is POSIX');

test('a JUnit file that is a named pipe is left to Playwright, said in one line, never read back', () => {
  const pipe = namedPipe('junit-pipe-');
  const module = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, path)).href);
  // In a child: the read blocked the whole process, beyond a test's timeout.
  const script = `
    const { alignJunitAfterRun } = await import(${module('src/reporters/junit/junit-after-run.ts')});
    const { runRecords } = await import(${module('tests/reporters/helpers/records.ts')});
    const config = { reporter: [['junit', { outputFile: ${JSON.stringify(pipe)} }]], configFile: undefined };
    alignJunitAfterRun(config, runRecords([]), 0, (line) => console.log(line));
    console.log('ended');`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, PLAYWRIGHT_JUNIT_OUTPUT_FILE: '' },
  });
  expect(child.signal, 'the alignment returns rather than wait on the pipe').toBeNull();
  expect(child.stdout.trim().split('\n')).toEqual([
    `junit: left as Playwright wrote it: ${pipe}: it is a named pipe (FIFO), not a regular file, and reading one may never end; write its content to a file and name that file`,
    'ended',
  ]);
  expect(statSync(pipe).isFIFO()).toBe(true);
});

test('a run stopped before its tests leaves a named pipe of PLAYWRIGHT_JUNIT_OUTPUT_FILE a pipe', async () => {
  const root = tempDir('junit-pipe-stopped-');
  const pipe = namedPipe('junit-pipe-');
  const spec = { mode: 'emulator' as const, apiBaseUrl: 'http://127.0.0.1:9' };
  const plan: RunPlan = {
    runId: 'run-stopped-pipe',
    requestTimeoutMs: 1_000,
    testTimeoutMs: 1_000,
    exchanges: 'quiet',
    targets: [{ name: 'emulator', spec, info: targetInfo(spec) }],
  };
  const line = await writeStoppedRunReport(
    plan,
    'TargetUnreachableError: no answer',
    'target-unreachable',
    root,
    {
      PLAYWRIGHT_JUNIT_OUTPUT_FILE: pipe,
    },
  );
  expect(line).toMatch(/^compliance: .*compliance\.md \(exit code 3/);
  expect(statSync(pipe).isFIFO(), 'the pipe is not replaced by a file').toBe(true);
});
