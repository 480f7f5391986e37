import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats, statSync } from 'node:fs';

// A path a user names may be a named pipe (mkfifo, bash's <(...)), a device or a socket: read as a
// file, a FIFO nobody writes blocked the command for ever and /dev/zero filled the memory. The file is
// opened without blocking and refused unless it is a regular file (a directory still fails as EISDIR).
// A regular file may be the wrong one, gigabytes long: Node's ERR_STRING_TOO_LONG or "Invalid string
// length" said neither which file nor what to do. Each error carries what follows "it is ..." in a
// reader's message: what the path is, and the fix.
export class UserFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'UserFileError';
  }
}

// Far above any file a user names here (a key, a token, a .env, a baseline): only a wrong file is larger.
const USER_FILE_MAX_BYTES = 16 * 1024 * 1024;

export function readUserFile(path: string, maxBytes?: number): Buffer;
export function readUserFile(path: string, encoding: 'utf8', maxBytes?: number): string;
export function readUserFile(path: string, ...rest: ['utf8'?, number?] | [number?]): Buffer | string {
  const encoding = rest[0] === 'utf8' ? 'utf8' : undefined;
  const maxBytes = (typeof rest[0] === 'number' ? rest[0] : rest[1]) ?? USER_FILE_MAX_BYTES;
  // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer. Windows has no such flag.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    const kind = specialKind(stat);
    if (kind)
      throw new UserFileError(
        path,
        `it is ${kind}, not a regular file, and reading one may never end; write its content to a file and name that file`,
      );
    if (stat.size > maxBytes)
      throw new UserFileError(
        path,
        `it is ${megabytes(stat.size)}, more than such a file ever holds (at most ${megabytes(maxBytes)}); check that the path names the right file`,
      );
    return encoding ? readFileSync(fd, encoding) : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

// What a path names when it is no regular file nor directory ("a named pipe (FIFO)", "a device"), for a
// file the suite would replace (writeWhole renames over it): undefined when it is one, or is not there.
export function specialFileKind(path: string): string | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat && specialKind(stat);
}

function specialKind(stat: Stats): string | undefined {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return undefined;
}

// A size as a reader says it: "8.0 MB".
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
