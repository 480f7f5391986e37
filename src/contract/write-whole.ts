import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Writes a file that a reader sees whole or not at all: through a temporary file in the same directory,
// then a rename. The temporary name begins with a dot and the process id and ends in .tmp, so nothing
// that lists the directory (a worker's ledger files, a cache) takes it for one of its own.
export function writeWhole(file: string, content: string | Buffer): void {
  const temp = join(dirname(file), `.${process.pid}-${basename(file)}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, file);
}
