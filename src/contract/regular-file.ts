import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

// A path a user names may be a named pipe (mkfifo, bash's <(...)), a device or a socket: read as a
// file, a FIFO nobody writes blocked the command for ever and /dev/zero filled the memory. The file is
// opened without blocking and refused unless it is a regular file (a directory still fails as EISDIR).
export class NotAFileError extends Error {
  readonly code = 'EFTYPE';
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
    this.name = 'NotAFileError';
  }
}

export function readUserFile(path: string): Buffer;
export function readUserFile(path: string, encoding: 'utf8'): string;
export function readUserFile(path: string, encoding?: 'utf8'): Buffer | string {
  // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer. Windows has no such flag.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const kind = specialKind(fstatSync(fd));
    if (kind) throw new NotAFileError(path, kind);
    return encoding ? readFileSync(fd, encoding) : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function specialKind(stat: Stats): string | undefined {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return undefined;
}

// What follows "it is ..." in a reader's message: the fix.
export function notAFileProblem(error: NotAFileError): string {
  return `it is ${error.kind}, not a regular file, and reading one may never end; write its content to a file and name that file`;
}
