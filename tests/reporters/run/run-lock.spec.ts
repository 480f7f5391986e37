import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { lockRunDirectory, RUN_LOCK_FILE, RunLockedError } from '../../../src/reporters/run/run-lock.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// Two runs in one directory overwrote each other's reports and Allure results; the second one now stops.
function holdLock(dir: string, pid: number) {
  mkdirSync(join(dir, 'test-results'), { recursive: true });
  writeFileSync(
    join(dir, RUN_LOCK_FILE),
    JSON.stringify({ pid, command: 'npm run conformance', startedAt: '2026-12-04T21:45:15.000Z' }),
  );
}

test('a run directory locked by a running process is refused, naming that run', async () => {
  const dir = tempDir('run-lock-');
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    holdLock(dir, other.pid!);
    expect(() => lockRunDirectory(dir, 'npm run report')).toThrow(RunLockedError);
    expect(() => lockRunDirectory(dir, 'npm run report')).toThrow(
      `another run (npm run conformance, pid ${other.pid}, started 2026-12-04T21:45:15.000Z) is writing the reports in ${dir}`,
    );
  } finally {
    other.kill();
  }
});

test('a lock left by a run that was killed is taken over, and released by its new holder', () => {
  const dir = tempDir('run-lock-');
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  holdLock(dir, gone);
  const release = lockRunDirectory(dir, 'npm run report');
  expect(existsSync(join(dir, RUN_LOCK_FILE))).toBe(true);
  release();
  expect(existsSync(join(dir, RUN_LOCK_FILE))).toBe(false);
});

test('npm run conformance in a directory another run is writing stops in one line, exit 2, writing nothing', () => {
  const dir = tempDir('run-lock-');
  holdLock(dir, process.pid);
  const run = spawnSync(process.execPath, CONFORMANCE_ARGS, {
    cwd: dir,
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    `conformance: another run (npm run conformance, pid ${process.pid}, started 2026-12-04T21:45:15.000Z) is writing the reports in ${dir}; wait for it to end, or run from another directory (a second checkout). If no such run is going, remove ${join(dir, RUN_LOCK_FILE)}`,
  ]);
  expect(run.stdout).toBe('');
  expect(existsSync(join(dir, 'reports'))).toBe(false);
  expect(run.status).toBe(2);
});

// In a container each run gets the same pids: a run killed there left a lock naming the pid its rerun
// now has, and the rerun refused itself as "another run".
test('a lock naming this process, left by a killed earlier process with the same pid, is taken over', () => {
  const dir = tempDir('run-lock-');
  holdLock(dir, process.pid);
  const release = lockRunDirectory(dir, 'npm run report', new Date('2026-12-04T22:00:00.000Z'));
  expect(readFileSync(join(dir, RUN_LOCK_FILE), 'utf8')).toContain('"startedAt":"2026-12-04T22:00:00.000Z"');
  release();
  expect(existsSync(join(dir, RUN_LOCK_FILE))).toBe(false);
});

// Runs started together over a killed run's lock: the ones that lost its takeover said a bare
// "EEXIST: file already exists" instead of naming the run that won. The winner holds the lock until all
// have answered: on a busy machine a run that starts late must still find it held, not freed.
// Each child says when it is ready, then waits (idle) to be told the instant they all take the lock
// at: a fixed instant 2 s ahead cost each child that much spinning, and a child slower to start than
// that on a loaded machine came too late to race.
test('runs taking over one stale lock at once: one holds it, every other names a run', async () => {
  const dir = tempDir('run-lock-');
  holdLock(dir, spawnSync(process.execPath, ['-e', '']).pid);
  const script = `import { lockRunDirectory } from ${JSON.stringify(join(repoRoot, 'src', 'reporters', 'run', 'run-lock.ts'))};
process.stdin.once('data', (at) => {
  process.stdin.destroy();
  while (Date.now() < Number(at)) {}
  try { lockRunDirectory(${JSON.stringify(dir)}, 'x'); console.log('held'); setTimeout(() => {}, 60_000); }
  catch (error) { console.log(error.name); }
});
console.log('ready');`;
  const children = Array.from({ length: 6 }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot }),
  );
  const outputs = children.map(() => '');
  const linesOf = (i: number) => outputs[i]!.split('\n').filter(Boolean);
  for (const [i, child] of children.entries())
    child.stdout.on('data', (chunk) => {
      outputs[i] += chunk;
    });
  // Until each child has written `n` lines, or ended.
  const until = (n: number) =>
    Promise.all(
      children.map(
        (child, i) =>
          new Promise<void>((done) => {
            const check = () => {
              if (linesOf(i).length >= n) done();
            };
            child.stdout.on('data', check);
            child.on('close', () => done());
            check();
          }),
      ),
    );
  try {
    await until(1);
    const at = String(Date.now() + 100);
    for (const child of children) child.stdin.end(at);
    await until(2);
    const taken = children.map((_, i) => linesOf(i).slice(1).join('\n'));
    expect(taken.filter((o) => o === 'held')).toHaveLength(1);
    expect(taken.filter((o) => o !== 'held')).toEqual(Array(5).fill('RunLockedError'));
  } finally {
    for (const child of children) child.kill();
  }
});

// A directory where the lock goes ended the run with "SystemError: Path is a directory: rm returned
// EISDIR": a RunLockedError now names it and what to do, which the scripts print as one line, exit 2.
test("a directory in the lock file's place is refused in one line saying to remove it", () => {
  const dir = tempDir('run-lock-');
  mkdirSync(join(dir, RUN_LOCK_FILE), { recursive: true });
  const file = join(dir, RUN_LOCK_FILE);
  expect(() => lockRunDirectory(dir, 'npm run conformance')).toThrow(
    new RunLockedError(`${file} is a directory, not a run's lock file: remove it (rm -r ${file})`),
  );
  expect(existsSync(file)).toBe(true);
});
