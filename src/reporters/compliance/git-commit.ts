import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

// The commit a checkout has out, read from its .git without running git (a run pays a few file reads):
// a report names the exact suite that produced it, beyond a version that stays the same between
// releases. Undefined outside a git checkout (an unpacked archive) or for a .git it cannot read.
export function checkedOutCommit(root: string): string | undefined {
  try {
    const gitDir = gitDirOf(root);
    if (!gitDir) return undefined;
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (isObjectId(head)) return head;
    const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
    return ref ? refValue(commonDirOf(gitDir), ref) : undefined;
  } catch {
    return undefined;
  }
}

const isObjectId = (text: string) => /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(text);

// `.git` is a directory, or in a worktree or submodule a file naming the directory.
function gitDirOf(root: string): string | undefined {
  const dotGit = join(root, '.git');
  if (!existsSync(dotGit)) return undefined;
  if (statSync(dotGit).isDirectory()) return dotGit;
  const named = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
  if (!named) return undefined;
  return isAbsolute(named) ? named : join(root, named);
}

// A worktree keeps its HEAD but shares the main checkout's refs.
function commonDirOf(gitDir: string): string {
  const file = join(gitDir, 'commondir');
  if (!existsSync(file)) return gitDir;
  const named = readFileSync(file, 'utf8').trim();
  return isAbsolute(named) ? named : join(gitDir, named);
}

function refValue(commonDir: string, ref: string): string | undefined {
  const loose = join(commonDir, ref);
  if (existsSync(loose)) {
    const value = readFileSync(loose, 'utf8').trim();
    return isObjectId(value) ? value : undefined;
  }
  const packed = join(commonDir, 'packed-refs');
  if (!existsSync(packed)) return undefined;
  for (const line of readFileSync(packed, 'utf8').split('\n')) {
    const [id, name] = line.trim().split(' ');
    if (name === ref && id && isObjectId(id)) return id;
  }
  return undefined;
}
