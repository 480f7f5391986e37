import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isRunning } from './process-alive.ts';

// An earlier run's allure-results/ and allure-report/ (about 1,200 entries) are removed before this run
// makes them again. Once the disk holds their files (some 30 s after they were written), removing them
// waits on the disk: 1.1-1.7 s for allure-report/ and 0.15-0.25 s for allure-results/ on the
// development VM, whose file system discards each freed block at once, with almost no CPU spent
// (docs/speed.md). So the directory is renamed aside at once, its name free for the new one, and removed
// beside the work that follows; the caller awaits the removal before it ends.

// The aside name: a dot, the directory's name, the process id. Never one of the scanned or served
// directories' names, so neither the leak scan nor Allure reads it.
const ASIDE = '.removing-';

// The aside directories this process made and is removing: another named with its id is a stopped
// run's (containers give the processes of each job the same ids).
const mine = new Set<string>();

// Removes `dir` (if it exists) in the background; the promise settles once it is gone, and never
// rejects: a removal that fails leaves the aside directory to the next call's clean-up. Where the
// rename fails (a directory in use on Windows), `dir` is removed here and now, in the caller's time.
export function removeInBackground(dir: string): Promise<void> {
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}${ASIDE}`;
  const removals = leftovers(parent, prefix).map(quietly);
  const aside = join(parent, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    renameSync(dir, aside);
    mine.add(aside);
    removals.push(quietly(aside).finally(() => mine.delete(aside)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(dir, { recursive: true, force: true });
  }
  return Promise.all(removals).then(() => {});
}

// Aside directories a stopped run left (its process gone before its removal ended), this process's
// id among them when it did not make them.
function leftovers(parent: string, prefix: string): string[] {
  try {
    return readdirSync(parent)
      .filter((name) => name.startsWith(prefix) && !mine.has(join(parent, name)))
      .filter((name) => {
        const pid = Number(name.slice(prefix.length).split('-')[0]);
        return pid === process.pid || !isRunning(pid);
      })
      .map((name) => join(parent, name));
  } catch {
    return [];
  }
}

function quietly(path: string): Promise<void> {
  return rm(path, { recursive: true, force: true, maxRetries: 2 }).catch(() => {});
}
