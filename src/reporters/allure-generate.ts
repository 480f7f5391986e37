import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../contract/contract-files.ts';

// Runs the Allure 3 CLI (Node only, no Java, no network) with allurerc.mjs: allure-results/ →
// allure-report/. Single-file mode (one portable index.html) via the awesome plugin's singleFile.
// A child process, so the caller can scan the other artefacts meanwhile.
export interface AllureGenerateResult {
  generated: boolean;
  durationMs: number;
  message: string;
}

export async function generateAllureReport(
  options: { singleFile?: boolean; cwd?: string } = {},
): Promise<AllureGenerateResult> {
  const cwd = options.cwd ?? repoRoot;
  const started = performance.now();
  if (!existsSync(join(cwd, 'allure-results')))
    return { generated: false, durationMs: 0, message: 'no allure-results/ to generate from' };
  // A single-file report after a multi-file one would otherwise sit next to the old app bundle.
  rmSync(join(cwd, 'allure-report'), { recursive: true, force: true });
  const cli = join(repoRoot, 'node_modules', 'allure', 'cli.js');
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(process.execPath, [cli, 'generate', '--config', join(repoRoot, 'allurerc.mjs')], {
      cwd,
      env: { ...process.env, ...(options.singleFile ? { MDE_REPORT_SINGLE_FILE: 'true' } : {}) },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (exit) => done({ code: exit, output }));
  });
  const durationMs = Math.round(performance.now() - started);
  if (code !== 0) {
    const detail = output.trim().split('\n').slice(-3).join(' ');
    return { generated: false, durationMs, message: `allure generate failed: ${detail}` };
  }
  return { generated: true, durationMs, message: `allure-report/ generated in ${durationMs} ms` };
}
