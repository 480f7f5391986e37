import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../contract/contract-files.ts';
import { compileCacheEnv } from './compile-cache.ts';

// Starts the Playwright test runner with a config and arguments, as `npx playwright test` would, and
// resolves with its exit code. The one way every script of the project starts Playwright.
export function runPlaywright(
  configFile: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<number> {
  const cli = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'test', '-c', configFile, ...args], {
      stdio: 'inherit',
      env: { ...compileCacheEnv(), ...process.env, ...env },
    });
    // A first SIGTERM (a CI job cancelled, `timeout`) stops the runner as Ctrl-C does: Playwright then
    // ends the run itself and the reporters write an interrupted run's report. A killed runner writes none.
    let stopping = false;
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal === 'SIGTERM' && !stopping ? 'SIGINT' : signal);
      stopping = true;
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, forward);
    child.on('exit', (code, signal) => {
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.off(s, forward);
      done(code ?? (signal ? 130 : 2));
    });
  });
}
