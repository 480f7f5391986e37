import { readFileSync, statSync } from 'node:fs';

// Whether the worker that wrote a ledger file may still be running. Its process id alone does not
// tell: once it has gone the id is free, and a CI container hands the same low ids out again, so an
// unrelated process may hold it: an earlier run's ledger kept as a live run's would have this run report
// that run's scan as its own, never cancelled (exit 2). A process that started after the file's last
// write is not its writer (which wrote it while alive). Where the start of a process cannot be read
// (no /proc), a live id counts as the writer.
export function ledgerWriterAlive(pid: number, file: string): boolean {
  if (!processAlive(pid)) return false;
  const started = processStartedAtMs(pid);
  if (started === undefined) return true;
  try {
    return started <= statSync(file).mtimeMs + START_SLACK_MS;
  } catch {
    return true;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds that id now; not ours to take over.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// /proc's times: the boot in whole seconds, a process's start in clock ticks (USER_HZ, 100 on every
// Linux the kernel's ABI allows user space to see).
const START_SLACK_MS = 2_000;
const TICKS_PER_SECOND = 100;

function processStartedAtMs(pid: number): number | undefined {
  try {
    const bootS = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    if (!Number.isFinite(bootS) || !Number.isFinite(ticks) || bootS <= 0) return undefined;
    return bootS * 1000 + (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
