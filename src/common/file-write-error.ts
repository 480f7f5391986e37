import { relative, sep } from 'node:path';

// A file the suite writes (a report, the run's records, a ledger) could not be written. Node's own
// error for a failed write ("ENOSPC: no space left on device, write") names no file and no fix, and
// reached the user as a stack trace once every test had run.
export class FileWriteError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot write ${shownPath(file)}: ${unwritableFile(cause)}`, { cause });
    this.name = 'FileWriteError';
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code;
  }
}

// Why a file could not be written, said as what to do about it.
function unwritableFile(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'no space is left on its disk (ENOSPC); free space there';
    case 'EDQUOT':
      return 'the disk quota of this user is used up (EDQUOT); free space or raise the quota';
    case 'EROFS':
      return 'its file system is read-only (EROFS); run from a writable copy of the repository';
    case 'EACCES':
    case 'EPERM':
      return `this user may not write it (${code}); make it and its directory writable (chmod u+w) or remove it`;
    case 'EISDIR':
      return 'it is a directory (EISDIR); name a file, or move the directory away';
    case 'ENOENT':
      return 'its directory cannot be made there (ENOENT); name a path in a directory that can be written';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a directory (ENOTDIR); fix the path';
    case 'EIO':
      return 'the disk failed (EIO); check the disk';
    default:
      return `it cannot be written (${code ?? (error as Error | undefined)?.message ?? 'unknown error'})`;
  }
}

// Relative to the working directory when inside it ("reports/compliance.json"), else as given.
function shownPath(file: string): string {
  const inside = relative(process.cwd(), file);
  return inside && !inside.startsWith('..') && !inside.startsWith(sep) ? inside : file;
}
