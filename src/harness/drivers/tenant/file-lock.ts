import lockfile from 'proper-lockfile';

// A lock older than this belongs to a worker that died holding it (held ones are refreshed).
const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

// A lock on `file` shared by every process on the machine, taken synchronously; answers its release.
// proper-lockfile's sync API refuses its own retries (they would need a timer), so this loop retries:
// the critical section (the quota ledger's: a read and a rename) frees a held lock within milliseconds.
export function lockFileSync(file: string): () => void {
  const deadline = performance.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      // realpath: false, since the file may not exist yet (the quota ledger's, before the first call).
      return lockfile.lockSync(file, { stale: LOCK_STALE_MS, realpath: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (performance.now() > deadline)
        throw new Error(
          `Could not lock ${file}.lock within ${LOCK_WAIT_MS / 1000} s; remove it if no run is active.`,
        );
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}
