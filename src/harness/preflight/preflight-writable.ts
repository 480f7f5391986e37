import { accessSync, constants, readdirSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_DIRS, WRITTEN_FILES } from '../../common/report-files.ts';

// Where a run writes its evidence, and the files it writes there by name. A run that could not write
// there ran every test (a tenant run for hours) and then lost its reports with a stack trace; the
// problem is said before the run starts. A directory in the place of one of the files failed as EISDIR
// once the tests had run, after compliance.json was written, so the run exited 0 on a report it had
// not finished, or 2 with the rest lost (src/common/report-files.ts names them).

// Throws the error of a path this user may not write (accessSync's); tests hand one of their own.
export type WriteCheck = (path: string) => void;
const canWrite: WriteCheck = (path) => accessSync(path, constants.W_OK);

// One line per output directory under `root` the run could not write, naming what to fix. A checkout
// on a read-only file system is one line: chmod, which the other lines advise, cannot help there, and
// an output directory not there yet failed only when the run made it (EROFS, after the banner).
export function unwritableOutputs(root: string, check: WriteCheck = canWrite): string[] {
  if (writeError(root, check) === 'EROFS')
    return [
      `${root} is on a read-only file system (EROFS), where the run writes ${OUTPUT_DIRS.map((o) => `${o}/`).join(', ')}: run from a writable copy (git clone ${root} DIR, then npm ci there)`,
    ];
  return OUTPUT_DIRS.flatMap((name) => {
    const problem = outputProblem(root, name, check);
    return problem ? [`${name}/ ${problem}`] : [];
  });
}

function outputProblem(root: string, name: string, check: WriteCheck): string | undefined {
  const dir = join(root, name);
  const stat = statOf(dir);
  // Absent: the run makes it, where it may make a directory.
  if (!stat)
    return writeError(root, check)
      ? `cannot be made: ${root} is read-only for this user; make it writable (chmod u+w) or run from a writable copy`
      : undefined;
  if (!stat.isDirectory())
    return `cannot be written: ${name} is a file, not a directory; move it away or remove it`;
  for (const file of WRITTEN_FILES[name] ?? []) {
    const entry = statOf(join(dir, file));
    if (entry && !entry.isFile())
      return `cannot be written: ${name}/${file} is ${entry.isDirectory() ? 'a directory' : 'not a regular file'}, where the run writes a file; move it away or remove it`;
  }
  // The directory and the files the run replaces in it (its subdirectories are its own to remake).
  const files = readdirSync(dir)
    .filter((entry) => statOf(join(dir, entry))?.isFile())
    .map((entry) => `${name}/${entry}`);
  const blocked = [name, ...files].find((path) => writeError(join(root, path), check));
  if (!blocked) return undefined;
  // A read-only mount of its own (the checkout is writable, or the line above had said so): no chmod helps.
  if (writeError(join(root, blocked), check) === 'EROFS')
    return `cannot be written: ${blocked} is on a read-only file system (EROFS), where chmod cannot help; mount it read-write, or remove that mount, or run from a writable copy (git clone ${root} DIR, then npm ci there)`;
  return `cannot be written: ${blocked} is read-only for this user; make it writable (chmod -R u+w ${name}) or remove it`;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

// The code of the error that writing `path` would meet (EACCES, EROFS), or undefined if none.
function writeError(path: string, check: WriteCheck): string | undefined {
  try {
    check(path);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}
