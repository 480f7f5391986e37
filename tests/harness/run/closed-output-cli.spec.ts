import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// `npm run conformance | head -1`: the reader goes after the first line. A script that starts
// Playwright (runPlaywright) must still see the run end with its exit code, and go on to write its
// reports; the output from then on goes nowhere.
// A workspace whose Playwright run talks a lot, and a script that starts it as the suite's scripts do
// (runPlaywright), then writes the runner's exit code where the test can read it.
function talkativeRun(): { dir: string; script: string } {
  const dir = tempDir('closed-output-');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'pw.config.mjs'), "export default { testDir: '.', reporter: 'list' };\n");
  writeFileSync(
    join(dir, 'talk.spec.mjs'),
    "import { test } from '@playwright/test';\nfor (let i = 0; i < 20; i++) test('talks ' + i, () => { for (let j = 0; j < 50; j++) console.log('line', i, j); });\n",
  );
  const script = `
    import { runPlaywright } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'src/harness/run/run-playwright.ts')).href)};
    import { writeFileSync } from 'node:fs';
    const code = await runPlaywright(${JSON.stringify(join(dir, 'pw.config.mjs'))}, []);
    console.log('after the run');
    writeFileSync(${JSON.stringify(join(dir, 'exit-code'))}, String(code));`;
  return { dir, script };
}

function runScript(
  dir: string,
  script: string,
  stdout: 'pipe' | number,
  onStdout?: (child: ChildProcess) => void,
) {
  return new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: dir,
      stdio: ['ignore', stdout, 'pipe'],
    });
    onStdout?.(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => done({ status, stderr }));
  });
}

test('a run whose output pipe closes after the first line still ends, and the script goes on', async () => {
  const { dir, script } = talkativeRun();
  const run = await runScript(dir, script, 'pipe', (child) =>
    child.stdout!.once('data', () => child.stdout!.destroy()),
  );
  expect(run.stderr).not.toContain('EPIPE');
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(dir, 'exit-code'), 'utf8')).toBe('0');
});

// `> /dev/full`: every write fails with ENOSPC. The console is best-effort, the run is not; the user
// learns once, on stderr, why stdout stayed empty.
test('a run whose output cannot be written at all still ends, and the script goes on', async () => {
  test.skip(!existsSync('/dev/full'), 'needs /dev/full (Linux)');
  const { dir, script } = talkativeRun();
  const full = openSync('/dev/full', 'w');
  const run = await runScript(dir, script, full);
  closeSync(full);
  // Said once by each process that wrote (the script and Playwright's runner), never as a stack trace.
  const lines = run.stderr.trim().split('\n');
  expect(new Set(lines)).toEqual(
    new Set(['warning: stdout cannot be written (ENOSPC); its output is dropped, the run goes on']),
  );
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(dir, 'exit-code'), 'utf8')).toBe('0');
});
