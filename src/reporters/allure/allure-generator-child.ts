import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../../contract/contract-files.ts';
import { compileCacheEnv } from '../../harness/run/compile-cache.ts';

// Windows has no process groups to leave: there the child dies with the run's console.
const DETACHED = process.platform !== 'win32';

// The child process that loads Allure (allure-generator-process.mjs) at low priority while the tests
// run, and generates the report of `cwd` once told to: its lines, its stderr, and how it ended.
export interface AllureGeneratorChild {
  readonly pid: number | undefined;
  // The child's first line: it has loaded Allure.
  readonly ready: Promise<unknown>;
  // Its further lines, until it closes its stdout.
  readonly lines: AsyncIterator<string>;
  // Settles once it has exited; `ended()` then says how ("its process exited 1").
  readonly exited: Promise<void>;
  ended(): string;
  stderr(): string;
  // Tells it to generate; it reads the line once it has loaded Allure.
  tellGenerate(): void;
  kill(): void;
}

export function spawnAllureGenerator(options: {
  cwd: string;
  singleFile?: boolean;
  recordsFile?: string;
}): AllureGeneratorChild {
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'src', 'reporters', 'allure', 'allure-generator-process.mjs'),
      join(repoRoot, 'allurerc.mjs'),
      options.cwd,
    ],
    {
      cwd: repoRoot,
      env: {
        ...compileCacheEnv(),
        ...process.env,
        ...(options.singleFile ? { MDE_REPORT_SINGLE_FILE: 'true' } : {}),
        ...(options.recordsFile ? { MDE_COMPLIANCE_RECORDS: options.recordsFile } : {}),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      // A process group of its own: Ctrl-C stops the run's group, and the stopped run's report still
      // needs the child. Before it is told to generate, its stdin closing (the parent gone) ends it;
      // after, the parent's exit does (below).
      detached: DETACHED,
    },
  );
  // A parent that exits (a second Ctrl-C) takes its child along: no report written after the command
  // returned, unscanned, racing the next run's.
  const stopChild = () => {
    try {
      if (child.pid) process.kill(DETACHED ? -child.pid : child.pid);
    } catch {}
  };
  if (DETACHED) process.on('exit', stopChild);
  child.on('close', () => process.off('exit', stopChild));
  try {
    // Loading Allure must not slow the tests: it takes only the CPU they leave.
    if (child.pid) setPriority(child.pid, 19);
  } catch {}
  // A child that died before it was told to generate (killed, out of memory) closes its stdin: the
  // write then fails with EPIPE, which must end in a message, not crash the run before its leak scan.
  child.stdin.on('error', () => {});
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ready = lines.next();
  let ended = '';
  const exited = new Promise<void>((done) =>
    child.on('close', (code, signal) => {
      ended = signal ? `its process was stopped by ${signal}` : `its process exited ${code}`;
      done();
    }),
  );
  return {
    pid: child.pid,
    ready,
    lines,
    exited,
    ended: () => ended,
    stderr: () => stderr,
    // Its priority stays low: raising it back needs privileges most users do not have (EACCES).
    tellGenerate: () => child.stdin.end('generate\n'),
    kill: () => child.kill(),
  };
}
