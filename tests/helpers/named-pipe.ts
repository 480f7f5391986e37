import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from './temp-dir.ts';

// A named pipe nobody writes (mkfifo, POSIX only), in a directory of its own that removeTempDirs takes
// away: reading it blocks for ever, which every reader of a user's file must refuse at once.
export function namedPipe(prefix: string): string {
  const path = join(tempDir(prefix), 'named-pipe');
  execFileSync('mkfifo', [path]);
  return path;
}
