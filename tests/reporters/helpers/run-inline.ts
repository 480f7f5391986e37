import { execFile } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { embeddedPlan } from '../../helpers/embedded-plan.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

// Runs a tiny Playwright suite in a child process with the compliance reporter, as Playwright's own
// runInlineTest does: the reporter is tested through what it writes, not through its internals.
export const REPORTER = join(repoRoot, 'src', 'reporters', 'compliance', 'compliance-reporter.ts');

export interface InlineRun {
  dir: string;
  exitCode: number;
  output: string;
  read(path: string): string;
  json<T = Record<string, unknown>>(path: string): T;
}

// Its spec removes it with `test.afterAll(() => removeWorkspaces(runs))`.
export function inlineWorkspace(files: Record<string, string>): string {
  const dir = tempDir('reporter-inline-');
  // Specs import @playwright/test; the link lets Node find it from a directory outside the repository.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export function runInline(
  dir: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<InlineRun> {
  const cli = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, 'test', '-c', 'playwright.config.ts', ...args],
      { cwd: dir, env: { ...cleanEnv(), ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const exitCode = error ? ((error as { code?: number }).code ?? 1) : 0;
        resolve({
          dir,
          exitCode: typeof exitCode === 'number' ? exitCode : 1,
          output: stdout + stderr,
          read: (path) => readFileSync(join(dir, path), 'utf8'),
          json: (path) => JSON.parse(readFileSync(join(dir, path), 'utf8')),
        });
      },
    );
  });
}

// Once its runs have ended: a failed test may leave one still writing into its workspace.
export async function removeWorkspaces(runs: Record<string, Promise<InlineRun>> | undefined): Promise<void> {
  await Promise.allSettled(Object.values(runs ?? {}));
  removeTempDirs();
}

// The parent's worker variables would make the child think it is a worker too.
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(PW_|PLAYWRIGHT_|TEST_|MDE_)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

// Test details as req() gives them, without importing the harness into the inline suite.
export function details(id: string, level = 'must'): string {
  return `{ tag: ['@${id}', '@${level}'], annotation: [{ type: 'requirement', description: '${id}' }] }`;
}

// A finding annotation as the harness writes it (src/harness/evidence/finding.ts), as source text.
export function finding(value: Record<string, unknown>): string {
  return JSON.stringify({ type: 'mde-finding', description: JSON.stringify(value) });
}

// A run plan naming these embedded targets, as the conformance config carries it.
export function planOf(targets: string[]): Record<string, unknown> {
  return {
    ...embeddedPlan(targets, {
      runId: 'run-inline',
      exchanges: 'full',
      description: (n) => `embedded (${n})`,
    }),
  };
}
