import { realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { repoRoot } from '../../contract/contract-files.ts';

// The suite runs from its repository's root: Playwright looks for playwright.config.ts there, and the
// run's reports go there. `npm run` starts a script at the root from any directory of the package; a
// script started with `node` (as a CI step may, docs/interfaces.md#exit-codes) starts where it is.

// From a directory inside the repository, go to its root, as npm run would.
export function enterRepoRoot(cwd = process.cwd()): void {
  const inside = relative(realpathSync(repoRoot), realpathSync(cwd));
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) process.chdir(repoRoot);
}

// Why the suite cannot run from `cwd` (outside the repository), or undefined at its root.
export function outsideRepoProblem(cwd = process.cwd()): string | undefined {
  const [root, here] = [realpathSync(repoRoot), realpathSync(cwd)];
  return root === here
    ? undefined
    : `the suite runs from its repository (${root}), not ${here}: run \`npm run conformance\` from any directory of it, or cd there`;
}
