import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_RESULTS_DIR } from '../../common/report-files.ts';
import { WALL_CLOCK } from '../../harness/wall-clock.ts';
import { isRunning } from './process-alive.ts';

// One run at a time writes a directory's reports. Two at once (a second terminal, a CI job on a shared
// workspace) overwrote each other: the first run's compliance.json said the second's verdict, and its
// Allure results vanished under it ("no allure-results/ to generate from").
export const RUN_LOCK_FILE = join(TEST_RESULTS_DIR, '.run.lock');

// How long a lock file that is not yet a holder's JSON counts as being written by a run starting.
const BEING_WRITTEN_MS = 5_000;

interface Holder {
  pid: number;
  command: string;
  startedAt: string;
}

export class RunLockedError extends Error {
  override readonly name = 'RunLockedError';
}

// Takes the lock of the run directory `root` for this process, or throws RunLockedError naming the run
// that holds it. A holder whose process has gone (killed, a machine restarted) holds nothing: its file
// is taken over. The lock is released when the process exits, however it exits but by a kill.
export function lockRunDirectory(
  root: string,
  command: string,
  now = new Date(WALL_CLOCK.now()),
): () => void {
  const file = join(root, RUN_LOCK_FILE);
  mkdirSync(join(root, TEST_RESULTS_DIR), { recursive: true });
  const mine: Holder = { pid: process.pid, command, startedAt: now.toISOString() };
  // A directory in its place (made by hand, a tool) is no run's lock: said, not "EISDIR" from rm.
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory())
    throw new RunLockedError(`${file} is a directory, not a run's lock file: remove it (rm -r ${file})`);
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Lost to runs that write it as fast as it is freed: one of them is starting.
      if (attempt > 2) throw lockedBy('starting', root, file);
      const holder = holderOf(file, now, true) ?? removeStale(file, now);
      if (holder !== undefined) throw lockedBy(holder, root, file);
    }
  }
  // The lock is this process's JSON by now, which holderOf judges by its pid, not by the time.
  const release = () => {
    const holder = holderOf(file, now);
    if (typeof holder === 'object' && holder.pid === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}

// Removes a lock its holder left, under a guard file only one run creates: runs that found the same
// stale lock each removed it, and one removed the lock another had just written, so both ran. The
// guard's holder judges the lock again; the others are told of a run starting. Undefined once removed.
function removeStale(file: string, now: Date): Holder | 'starting' | undefined {
  const guard = `${file}.takeover`;
  try {
    writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard as old as a lock being written was left by a run killed while taking over.
    if (now.getTime() - mtimeOf(guard) >= BEING_WRITTEN_MS) rmSync(guard, { force: true });
    return 'starting';
  }
  try {
    const holder = holderOf(file, now, true);
    if (holder === undefined) rmSync(file, { force: true });
    return holder;
  } finally {
    rmSync(guard, { force: true });
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function lockedBy(holder: Holder | 'starting', root: string, file: string): RunLockedError {
  const who =
    holder === 'starting'
      ? 'another run, starting now,'
      : `another run (${holder.command}, pid ${holder.pid}, started ${holder.startedAt})`;
  return new RunLockedError(
    `${who} is writing the reports in ${root}; wait for it to end, or run from another directory (a second checkout). If no such run is going, remove ${file}`,
  );
}

// The run holding the lock, 'starting' while its file is being written, or undefined when none holds it.
// `taking`: this process has not written the lock yet, so a file naming its pid was left by an earlier
// process that had the same pid (a container's runs get the same pids) and was killed: nobody holds it.
function holderOf(file: string, now: Date, taking = false): Holder | 'starting' | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    if (typeof holder.pid === 'number') {
      if (holder.pid === process.pid ? taking : !isRunning(holder.pid)) return undefined;
      return { pid: holder.pid, command: String(holder.command), startedAt: String(holder.startedAt) };
    }
  } catch {}
  // Not a holder's JSON: written this instant, it is a run starting; older, it was left by a run killed
  // while writing it, or edited by hand.
  try {
    return now.getTime() - statSync(file).mtimeMs < BEING_WRITTEN_MS ? 'starting' : undefined;
  } catch {
    return undefined;
  }
}
