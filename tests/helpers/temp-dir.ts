import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// So that a run leaves nothing in the OS temp directory: what tempDir() makes, removeTempDirs() removes,
// hooked by each spec as `test.afterEach(removeTempDirs)`, or `test.afterAll` for dirs its tests share.

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  // Retries: a child process a failed test left running may still be writing into one.
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
