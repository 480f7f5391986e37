// Whether a process with this id runs: a lock's holder, or the run that renamed a directory aside.
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid, and it runs.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
