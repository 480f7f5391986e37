import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/contract/contract-files.ts';

// The environment for a script a test runs, without the worker's MDE_* variables: other tests of the
// worker may have set their own, which the script would read (and warn of).
export function withoutMdeVariables(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^MDE_/i.test(name)));
}

// Node's arguments for `npm run conformance` from any working directory: a test runs it in a directory
// of its own, where the reports of its run go, never over the repository's.
export const CONFORMANCE_ARGS = [
  '--import',
  pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
  join(repoRoot, 'scripts', 'conformance.ts'),
];

// One of the project's scripts (scripts/<name>) run to its end from the repository, as `npm run` would.
export function runScript(name: string, ...args: string[]) {
  return runScriptWith(name, {}, args, 60_000);
}

// The same with variables of the test's own beside the worker's (its MDE_* ones left out).
export function runScriptWith(
  name: string,
  env: Record<string, string>,
  args: string[] = [],
  timeout = 20_000,
) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', name), ...args], {
    cwd: repoRoot,
    env: { ...withoutMdeVariables(), ...env },
    encoding: 'utf8',
    timeout,
  });
}
