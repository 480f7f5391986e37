import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { generatorScript, withOneResult } from '../helpers/allure-workspace.ts';

// The Allure child the run's script starts early: how it ends, and how it survives, with its script.
test.afterEach(removeTempDirs);

test('an Allure child that died before generating is a one-line message, not a crash', () => {
  const dir = tempDir('allure-generate-');
  mkdirSync(join(dir, 'allure-results'));
  // In a process of its own, as the run's script: an unhandled EPIPE there ends the process, where
  // Playwright's worker might absorb it.
  const script = generatorScript(
    dir,
    `// Killed once under way, as an out-of-memory kill would find it; then told to generate while dead
// but not yet reaped, so the telling meets a closed pipe (EPIPE).
await sleep(500);
process.kill(generator.pid!, 'SIGKILL');
await sleep(5);
console.log((await generator.generate()).message);
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  expect(run.stdout.trim()).toBe('allure generate failed: its process was stopped by SIGKILL');
  expect(run.status).toBe(0);
});

// Ctrl-C stops the whole process group; the run's script still writes the stopped run's reports, the
// Allure report among them.
test('an Allure child still generates after a Ctrl-C to the run', async () => {
  test.slow();
  const dir = withOneResult();
  const script = generatorScript(
    dir,
    `// The script outlives a Ctrl-C (Playwright's runner ends its run first); the group gets the signal.
process.on('SIGINT', () => {});
process.kill(-process.pid, 'SIGINT');
console.log(JSON.stringify(await generator.generate()));
`,
  );
  // Its own process group, like a terminal's foreground job, so the signal reaches no test process.
  const run = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  run.stdout.on('data', (chunk) => {
    out += chunk;
  });
  run.stderr.on('data', (chunk) => {
    out += chunk;
  });
  await new Promise((done) => run.on('close', done));
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  expect(result, out).toMatchObject({ generated: true });
  expect(existsSync(join(dir, 'allure-report', 'index.html'))).toBe(true);
});

// A second Ctrl-C ends the script at once: its child, in a group of its own, must not go on writing a
// report after the command returned.
test('an Allure child told to generate ends with the script that exits', async () => {
  test.slow();
  const dir = withOneResult();
  const script = generatorScript(
    dir,
    `console.log('pid=' + generator.pid);
void generator.generate();
setTimeout(() => process.exit(130), 50);
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(130);
  const pid = Number(/pid=(\d+)/.exec(run.stdout)?.[1]);
  expect(pid, run.stdout + run.stderr).toBeGreaterThan(0);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  // A stopped child dies when next scheduled, which at nice 19 on a busy CI machine took over 2 s once;
  // one that was not stopped would generate and write the report meanwhile, which is what must not be.
  for (let i = 0; i < 500 && alive(); i++) await new Promise((done) => setTimeout(done, 20));
  expect(alive(), `the Allure child ${pid} outlived its parent by 10 s`).toBe(false);
  expect(
    existsSync(join(dir, 'allure-report', 'index.html')),
    'the Allure child wrote its report after its parent exited',
  ).toBe(false);
});
