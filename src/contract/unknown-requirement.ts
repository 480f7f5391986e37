import path, { type PlatformPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editDistanceWithSwaps } from '../common/edit-distance.ts';
import { repoRoot } from './contract-files.ts';

// A requirement id the registry does not know, mostly a typo in a test's req(): a user error, so one
// line naming the file that asked and the closest known id, without a stack (DEBUG=1 keeps it).
export class UnknownRequirementError extends Error {
  constructor(id: string, known: readonly string[]) {
    const near = closestId(id, known);
    const where = askedFrom(new Error().stack ?? '');
    super(
      `${where ? `${where}: ` : ''}Requirement "${id}" is not in specs/requirements.yaml.` +
        (near ? ` Did you mean "${near}"?` : ''),
    );
    if (!process.env.DEBUG) this.stack = `${this.name}: ${this.message}`;
  }
}

// The known id fewest edits away (case and punctuation aside; a swap of two neighbours is one edit),
// if it is within a quarter of the id's length; on a tie, the first in the registry's order.
export function closestId(id: string, known: readonly string[]): string | undefined {
  const wanted = letters(id);
  const limit = Math.max(1, Math.floor(wanted.length / 4));
  let best: { id: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistanceWithSwaps(wanted, letters(candidate));
    if (distance <= limit && (!best || distance < best.distance)) best = { id: candidate, distance };
  }
  return best?.id;
}

function letters(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

// "tests/conformance/not-found.spec.ts:25": the first frame of the stack outside the project's src/,
// Node and the libraries, which is where req() was called with the id. A frame reads
// "at name (location:line:col)" or "at location:line:col"; the location is a POSIX or Windows path
// (spaces and parentheses allowed) or a file URL.
export function askedFrom(stack: string, root = repoRoot, paths: PlatformPath = path): string | undefined {
  const frames = /^\s*at (?:.+? \((.+):(\d+):\d+\)|(.+):(\d+):\d+)\s*$/gm;
  for (const [, inParens, lineInParens, bare, bareLine] of stack.matchAll(frames)) {
    const where = locationOf(inParens ?? bare!, paths);
    if (!where || /[\\/]node_modules[\\/]/.test(where)) continue;
    const inRepo = paths.relative(root, where).split(paths.sep).join('/');
    if (inRepo.startsWith('src/')) continue;
    return `${inRepo.startsWith('../') || paths.isAbsolute(inRepo) ? where : inRepo}:${lineInParens ?? bareLine}`;
  }
  return undefined;
}

// A file's path, or undefined for Node's own frames (node:internal/...) and anything not a file.
function locationOf(location: string, paths: PlatformPath): string | undefined {
  if (location.startsWith('file:'))
    try {
      return fileURLToPath(location, { windows: paths === path.win32 });
    } catch {
      return undefined;
    }
  return /^(?:[A-Za-z]:[\\/]|\/)/.test(location) ? location : undefined;
}
