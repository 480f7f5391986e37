import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../contract/contract-files.ts';
import { forwardOutput, outliveClosedOutput } from './closed-output.ts';
import { compileCacheEnv } from './compile-cache.ts';

const STOP_ON_SIGTERM = pathToFileURL(join(repoRoot, 'src', 'harness', 'run', 'stop-on-sigterm.mjs')).href;

// Starts the Playwright test runner with a config and arguments, as `npx playwright test` would, and
// resolves with its exit code. The one way every script of the project starts Playwright.
export function runPlaywright(
  configFile: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<number> {
  const cli = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');
  outliveClosedOutput();
  // A terminal is the runner's own (its list reporter redraws lines there); a pipe goes through this
  // process, which outlives a reader that goes away (closed-output.ts).
  const piped = (stream: NodeJS.WriteStream) => (stream.isTTY ? 'inherit' : 'pipe');
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['--import', STOP_ON_SIGTERM, cli, 'test', '-c', configFile, ...args],
      {
        stdio: ['inherit', piped(process.stdout), piped(process.stderr)],
        env: { ...compileCacheEnv(), ...process.env, ...env },
      },
    );
    if (child.stdout) forwardOutput(child.stdout, process.stdout);
    if (child.stderr) forwardOutput(child.stderr, process.stderr);
    // Signals sent to this script alone reach the runner too; it turns SIGTERM into a stop of the run.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, forward);
    child.on('exit', (code, signal) => {
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.off(s, forward);
      const ended = () => done(code ?? (signal ? 130 : 2));
      // The runner's last lines may still be in the pipe; a worker it left behind may hold it open, and
      // must not keep this script from ending either.
      if (!child.stdout && !child.stderr) return ended();
      const late = setTimeout(() => {
        for (const pipe of [child.stdout, child.stderr]) (pipe as Socket | null)?.unref();
        ended();
      }, 1000);
      child.once('close', () => {
        clearTimeout(late);
        ended();
      });
    });
  });
}
