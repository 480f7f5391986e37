// A pipe that cannot take a process's output at once (a slow reader, a loaded machine whose pipes are
// small) keeps the rest queued, and process.exit() dropped it: `npm run emulator -- --list-faults`
// printed 8 of its 111 rows into a 4 KB pipe read late, and a run's closing lines could go the same way.
// This exits once everything written before has gone, or after a few seconds if nothing reads it.
const OUTPUT_GRACE_MS = 5_000;

export function exitAfterOutput(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), OUTPUT_GRACE_MS).unref();
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
