import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { checkedOutCommit } from '../../../src/reporters/compliance/git-commit.ts';
import { suiteInfo } from '../../../src/reporters/compliance/suite-info.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A report names the commit of the suite that produced it, read from .git as git itself would.
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'git-commit-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const cases: [string, Record<string, string>, string | undefined][] = [
  [
    'a branch with a loose ref',
    { '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${A}\n` },
    A,
  ],
  [
    'a branch only in packed-refs',
    {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/packed-refs': `# pack-refs\n${B} refs/heads/other\n${A} refs/heads/main\n^${B}\n`,
    },
    A,
  ],
  ['a detached HEAD, as a CI checkout has', { '.git/HEAD': `${B}\n` }, B],
  [
    'a worktree: .git a file, the refs in the common directory',
    {
      '.git': 'gitdir: main/.git/worktrees/wt\n',
      'main/.git/worktrees/wt/HEAD': 'ref: refs/heads/topic\n',
      'main/.git/worktrees/wt/commondir': '../..\n',
      'main/.git/refs/heads/topic': `${B}\n`,
    },
    B,
  ],
  ['no .git (an unpacked archive)', { 'package.json': '{}' }, undefined],
  ['a branch with no commit yet', { '.git/HEAD': 'ref: refs/heads/main\n' }, undefined],
  ['a HEAD it cannot read', { '.git/HEAD': 'garbage\n' }, undefined],
];

for (const [name, files, expected] of cases)
  test(`the commit of ${name}: ${expected ? 'read' : 'none'}`, () => {
    const root = checkout(files);
    try {
      expect(checkedOutCommit(root)).toBe(expected);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

// An unpacked archive (GitHub's "Download ZIP") has no .git, and git asked there fails, or answers for
// a repository the suite was copied into: the suite then names no commit.
test("this checkout's commit is git's own; none where the suite has no .git of its own", () => {
  if (!existsSync(join(repoRoot, '.git'))) {
    expect(suiteInfo().commit).toBeUndefined();
    return;
  }
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  expect(suiteInfo().commit).toBe(head);
});
