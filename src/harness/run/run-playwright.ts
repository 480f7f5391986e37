import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../contract/contract-files.ts';
import './closed-output.mjs';
import { stopWhenOrphaned } from '../../common/stop-when-orphaned.ts';
import { asyncContextFrameArgs } from './async-context-frame.ts';
import { compileCacheEnv } from './compile-cache.ts';

const preload = (name: string) => pathToFileURL(join(repoRoot, 'src', 'harness', 'run', name)).href;
const STOP_ON_SIGTERM = preload('stop-on-sigterm.mjs');
const CLOSED_OUTPUT = preload('closed-output.mjs');
const DEFERRED_BABEL = preload('deferred-babel.mjs');

// The runner's command line after `node`: Node's options first (the workers inherit them through
// Playwright's fork), then Playwright's CLI and its arguments.
export function runnerArgv(
  configFile: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeVersion: string = process.versions.node,
): string[] {
  const cli = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');
  return [
    ...asyncContextFrameArgs(env, nodeVersion),
    '--import',
    STOP_ON_SIGTERM,
    '--import',
    CLOSED_OUTPUT,
    '--import',
    DEFERRED_BABEL,
    cli,
    'test',
    '-c',
    configFile,
    ...args,
  ];
}

// Starts the Playwright test runner with a config and arguments, as `npx playwright test` would, and
// resolves with its exit code. The one way every script of the project starts Playwright.
export function runPlaywright(
  configFile: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<number> {
  const childEnv = { ...compileCacheEnv(), ...process.env, ...env };
  return new Promise((done) => {
    const child = spawn(process.execPath, runnerArgv(configFile, args, childEnv), {
      stdio: 'inherit',
      env: childEnv,
    });
    // Signals sent to this script alone reach the runner too; it turns SIGTERM into a stop of the run.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, forward);
    // npm's SIGTERM or SIGINT reaches its shell, not this script (src/common/stop-when-orphaned.ts).
    const unwatch = stopWhenOrphaned(() => forward('SIGTERM'));
    child.on('exit', (code, signal) => {
      unwatch();
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.off(s, forward);
      done(code ?? (signal ? 130 : 2));
    });
  });
}
