import { spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A workspace whose one test runs until stopped, and a reporter that writes how the run ended.
function workspace(): string {
  const dir = tempDir('run-playwright-');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(
    join(dir, 'pw.config.mjs'),
    "export default { testDir: '.', testMatch: 'slow.spec.mjs', reporter: [['./ended.mjs']], workers: 1 };\n",
  );
  writeFileSync(
    join(dir, 'ended.mjs'),
    "import { writeFileSync } from 'node:fs';\nexport default class { onEnd(r) { writeFileSync('ended.json', JSON.stringify({ status: r.status })); } }\n",
  );
  writeFileSync(
    join(dir, 'slow.spec.mjs'),
    "import { writeFileSync } from 'node:fs';\nimport { test } from '@playwright/test';\ntest('slow', async () => { writeFileSync('started', ''); await new Promise((r) => setTimeout(r, 60_000)); });\n",
  );
  const runPlaywright = pathToFileURL(join(repoRoot, 'src', 'harness', 'run', 'run-playwright.ts'));
  writeFileSync(
    join(dir, 'drive.ts'),
    `import { runPlaywright } from '${runPlaywright}';\nprocess.exitCode = await runPlaywright('pw.config.mjs', []);\n`,
  );
  return dir;
}

// To the script alone (a parent that kills its child), or to the whole process group, as `timeout` and
// many CI runners do: then the runner gets its own SIGTERM too, and the script a second one from npm.
for (const to of ['the script', 'the process group'] as const)
  test(`SIGTERM to ${to} stops Playwright as Ctrl-C does, so its reporters end the run`, async () => {
    test.setTimeout(60_000);
    const dir = workspace();
    const group = to === 'the process group';
    const script = spawn(process.execPath, ['--import', 'tsx', 'drive.ts'], {
      cwd: dir,
      stdio: 'ignore',
      detached: group,
    });
    const exited = new Promise<number | null>((done) => script.on('exit', done));
    for (let i = 0; i < 300 && !existsSync(join(dir, 'started')); i++) await sleep(100);
    expect(existsSync(join(dir, 'started')), 'the test started').toBe(true);
    process.kill(group ? -script.pid! : script.pid!, 'SIGTERM');
    // Killed, the runner would write nothing; stopped, it reports an interrupted run and exits 130.
    expect(await exited).toBe(130);
    expect(JSON.parse(readFileSync(join(dir, 'ended.json'), 'utf8'))).toEqual({ status: 'interrupted' });
  });

// `npm run` starts the script through `sh -c` and forwards a SIGTERM sent to npm alone to that shell
// only: the shell died and the script ran its whole suite on, orphaned (a cancelled CI job went on
// writing to the tenant). Its parent's going now stops the run as the signal would have.
test('SIGTERM to npm alone (which forwards it to its shell) stops the run', async () => {
  test.setTimeout(60_000);
  const dir = workspace();
  const shell = spawn('sh', ['-c', `"${process.execPath}" --import tsx drive.ts`], {
    cwd: dir,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, npm_lifecycle_event: 'conformance' },
  });
  const ended = join(dir, 'ended.json');
  try {
    for (let i = 0; i < 300 && !existsSync(join(dir, 'started')); i++) await sleep(100);
    expect(existsSync(join(dir, 'started')), 'the test started').toBe(true);
    shell.kill('SIGTERM');
    // The test would run 60 s; stopped, the reporter says so within seconds.
    for (let i = 0; i < 200 && !existsSync(ended); i++) await sleep(100);
    expect(existsSync(ended), 'the run ended within 20 s').toBe(true);
    expect(JSON.parse(readFileSync(ended, 'utf8'))).toEqual({ status: 'interrupted' });
  } finally {
    // Whatever happened, nothing of this test runs on (the group: the shell's orphaned script too).
    try {
      process.kill(-shell.pid!, 'SIGKILL');
    } catch {}
  }
});
