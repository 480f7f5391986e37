import { npmStartDirHint } from './npm-start-dir.ts';
import { UserFileError } from './regular-file.ts';
import { unexpandedPathHint } from './unexpanded-path.ts';

// Why a file a user named could not be read, said as what to fix: Node's error code alone (ENOENT)
// told a user of `npm run emulator -- --seed FILE` nothing they could act on.
// `given`: the path as the user wrote it, where the file was opened by another (resolved) one.
export function unreadableFile(error: unknown, given?: string): string {
  if (error instanceof UserFileError) return error.problem;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const path = given ?? (error as NodeJS.ErrnoException).path;
    return `it does not exist; check the path${npmStartDirHint(path)}${typeof path === 'string' ? unexpandedPathHint(path) : ''}`;
  }
  if (code === 'EISDIR') return 'it is a directory; name the file';
  if (code === 'EACCES' || code === 'EPERM') return `it cannot be read (${code}); check its permissions`;
  return `it cannot be read (${code ?? (error as Error | undefined)?.message ?? 'unknown error'})`;
}
