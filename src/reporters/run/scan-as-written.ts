import type { LeakScan, LeakScanner, ScannedState } from '../../harness/redaction/leak-scan.ts';

// The Allure report is scanned file by file as the generator child writes it, on the other core,
// instead of all at once after it (which took the run's last 50-90 ms). The directory walk at the end
// reads every file and scans each not found clean so with the same bytes (written again, or written
// without a word): the report is checked whole either way, and a finding is reported once, by the walk.
// Files are known by inode, not path: Allure moves its plugin's directory up into the report's at the end.
export function scanAsWritten(scanner: LeakScanner): {
  written(path: string): void;
  finish(dir: string): LeakScan;
} {
  const clean = new Map<string, ScannedState>();
  let finished = false;
  return {
    written(path) {
      // Lines read after the walk (the pipe drained late) would only scan again what it read.
      if (finished) return;
      const { scan, state } = scanner.scanFile(path);
      if (!state) return;
      // The latest scan decides: a rewrite found leaking is not vouched for by a clean scan before it.
      if (scan.findings.length === 0 && scan.skipped.length === 0) clean.set(fileKey(state), state);
      else clean.delete(fileKey(state));
    },
    finish(dir) {
      finished = true;
      return scanner.scanDirs([dir], (now) => clean.get(fileKey(now))?.sha256 === now.sha256);
    },
  };
}

const fileKey = (state: ScannedState) => `${state.dev}:${state.ino}`;
