import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FileWriteError } from './file-write-error.ts';
import { makeDirectory } from './make-directory.ts';

// Writes a file that a reader sees whole or not at all: through a temporary file in the same directory,
// then a rename; its directory is made if need be. The temporary name begins with a dot and the process id and ends in .tmp, so nothing
// that lists the directory (a worker's ledger files, a cache) takes it for one of its own. A write that
// fails (a full disk) leaves the earlier file as it was, no temporary file, and a FileWriteError naming
// the file, the cause and what to do.
export function writeWhole(file: string, content: string | Buffer): void {
  const temp = temporaryFileOf(file);
  try {
    makeDirectory(dirname(file));
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    // Best effort: the write's own error is the one to tell.
    try {
      rmSync(temp, { force: true });
    } catch {}
    throw new FileWriteError(file, error);
  }
}

// Where writeWhole writes `file` first.
export function temporaryFileOf(file: string): string {
  return join(dirname(file), `.${process.pid}-${basename(file)}.tmp`);
}
