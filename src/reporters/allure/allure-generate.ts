import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALLURE_REPORT_DIR, ALLURE_RESULTS_DIR } from '../../common/report-files.ts';
import { repoRoot } from '../../contract/contract-files.ts';
import { removeInBackground } from '../run/background-removal.ts';
import { spawnAllureGenerator } from './allure-generator-child.ts';

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

export function startAllureGenerator(
  options: { singleFile?: boolean; cwd?: string; recordsFile?: string } = {},
): AllureGenerator {
  const cwd = options.cwd ?? repoRoot;
  const child = spawnAllureGenerator({ ...options, cwd });
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
      // runs beside the generation instead of before it.
      child.tellGenerate();
      await child.ready;
      let result:
        | { ok: boolean; message?: string; qualityGate?: { ran: boolean; failed: string[] } }
        | undefined;
      for (let line = await child.lines.next(); !line.done; line = await child.lines.next()) {
        if (line.value.startsWith('@wrote ')) onWritten?.(resolve(cwd, line.value.slice('@wrote '.length)));
        else if (line.value.startsWith('@result ')) result = JSON.parse(line.value.slice('@result '.length));
      }
      await child.exited;
      const durationMs = Math.round(performance.now() - started);
      await removed;
      if (!result?.ok) {
        // Killed or crashed without a word: say how it ended rather than nothing.
        const detail =
          result?.message ?? (child.stderr().trim().split('\n').slice(-3).join(' ') || child.ended());
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
