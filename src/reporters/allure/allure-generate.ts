import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ALLURE_REPORT_DIR, ALLURE_RESULTS_DIR } from '../../common/report-files.ts';
import { repoRoot } from '../../contract/contract-files.ts';
import { compileCacheEnv } from '../../harness/run/compile-cache.ts';
import { removeInBackground } from '../run/background-removal.ts';

// The Allure 3 report (Node only, no Java, no network) from allure-results/ with allurerc.mjs, made
// by a child process (allure-generator-process.mjs) that loads Allure while the tests still run, at low
// priority, and generates when told. Single-file mode (one portable index.html) via MDE_REPORT_SINGLE_FILE.
export interface AllureGenerateResult {
  generated: boolean;
  durationMs: number;
  message: string;
  // Allure's quality gate (no MUST failure), where this Node runs it; the exit code stays the gate.
  qualityGate?: string;
}

export interface AllureGenerator {
  // Generates allure-report/ from allure-results/ as they are now; `onWritten` is told the absolute
  // path of each report file as it is written.
  generate(onWritten?: (file: string) => void): Promise<AllureGenerateResult>;
  // The child's process id (undefined if it could not start).
  readonly pid: number | undefined;
}

// Windows has no process groups to leave: there the child dies with the run's console.
const DETACHED = process.platform !== 'win32';

export function startAllureGenerator(
  options: { singleFile?: boolean; cwd?: string; recordsFile?: string } = {},
): AllureGenerator {
  const cwd = options.cwd ?? repoRoot;
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'src', 'reporters', 'allure', 'allure-generator-process.mjs'),
      join(repoRoot, 'allurerc.mjs'),
      cwd,
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
  // write then fails with EPIPE, which must end in a message below, not crash the run before its leak scan.
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
    async generate(onWritten) {
      const started = performance.now();
      if (!existsSync(join(cwd, ALLURE_RESULTS_DIR))) {
        child.kill();
        return { generated: false, durationMs: 0, message: `no ${ALLURE_RESULTS_DIR}/ to generate from` };
      }
      // A single-file report after a multi-file one would otherwise sit next to the old app bundle.
      // Renamed aside and removed beside the generation: removing it waits on the disk (background-removal.ts).
      const removed = removeInBackground(join(cwd, ALLURE_REPORT_DIR));
      // Told before the first await: the caller's synchronous work that follows (the leak scan) then
      // runs beside the generation instead of before it. The child reads the line once it is loaded.
      // Its priority stays low: raising it back needs privileges most users do not have (EACCES).
      child.stdin.end('generate\n');
      await ready;
      let result:
        | { ok: boolean; message?: string; qualityGate?: { ran: boolean; failed: string[] } }
        | undefined;
      for (let line = await lines.next(); !line.done; line = await lines.next()) {
        if (line.value.startsWith('@wrote ')) onWritten?.(resolve(cwd, line.value.slice('@wrote '.length)));
        else if (line.value.startsWith('@result ')) result = JSON.parse(line.value.slice('@result '.length));
      }
      await exited;
      const durationMs = Math.round(performance.now() - started);
      await removed;
      if (!result?.ok) {
        // Killed or crashed without a word: say how it ended rather than nothing.
        const detail = result?.message ?? (stderr.trim().split('\n').slice(-3).join(' ') || ended);
        return { generated: false, durationMs, message: `allure generate failed: ${detail}` };
      }
      const gate = result.qualityGate;
      return {
        generated: true,
        durationMs,
        message: `${ALLURE_REPORT_DIR}/ generated in ${durationMs} ms`,
        qualityGate: !gate?.ran
          ? 'not run: it needs Node 22 or later; the exit code of the run is the gate'
          : gate.failed.length === 0
            ? 'passed'
            : `failed: ${gate.failed.join('; ')}`,
      };
    },
  };
}
