import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeInBackground } from '../../../src/reporters/run/background-removal.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A directory of an earlier run's report, with a file in a sub-directory.
function earlierReport(parent: string, name = 'allure-report'): string {
  const dir = join(parent, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<html></html>');
  writeFileSync(join(dir, 'data', 'result.json'), '{}');
  return dir;
}

// A process id that no process holds: one that has just exited.
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
}

test('the directory is gone at once, its name free for the new one, and removed from the disk in the background', async () => {
  const parent = tempDir('background-removal-');
  const dir = earlierReport(parent);
  const removed = removeInBackground(dir);
  expect(existsSync(dir)).toBe(false);
  mkdirSync(dir);
  await removed;
  expect(readdirSync(parent)).toEqual(['allure-report']);
  expect(readdirSync(dir)).toEqual([]);
});

test('a directory that does not exist is nothing to remove', async () => {
  const parent = tempDir('background-removal-');
  await removeInBackground(join(parent, 'allure-report'));
  expect(readdirSync(parent)).toEqual([]);
});

test("a stopped run's aside directory is removed by the next removal; a running process's is left to it", async () => {
  const parent = tempDir('background-removal-');
  const stopped = earlierReport(parent, `.allure-report.removing-${deadPid()}-0a0b0c0d`);
  const running = earlierReport(parent, `.allure-report.removing-${process.ppid}-0a0b0c0d`);
  const otherDir = earlierReport(parent, `.allure-results.removing-${deadPid()}-0a0b0c0d`);
  await removeInBackground(join(parent, 'allure-report'));
  expect(existsSync(stopped)).toBe(false);
  expect(existsSync(running)).toBe(true);
  // Only the directory's own leftovers: allure-results/'s are its own removal's to clean up.
  expect(existsSync(otherDir)).toBe(true);
});

// Containers number their processes alike from one job to the next: a run stopped mid-removal left an
// aside directory named with the process id the next run holds, taken for that run's own and kept.
test("an aside directory named with this process's id but not made by it is a stopped run's, and removed", async () => {
  const parent = tempDir('background-removal-');
  const earlier = earlierReport(parent, `.allure-report.removing-${process.pid}-0a0b0c0d`);
  await removeInBackground(earlierReport(parent));
  expect(existsSync(earlier)).toBe(false);
  expect(readdirSync(parent)).toEqual([]);
});
