import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../contract/contract-files.ts';

// Runs the Allure 3 CLI (Node only, no Java, no network) with allurerc.mjs: allure-results/ →
// allure-report/. Single-file mode (one portable index.html) via the awesome plugin's singleFile.
export interface AllureGenerateResult {
  generated: boolean;
  durationMs: number;
  message: string;
}

export function generateAllureReport(
  options: { singleFile?: boolean; cwd?: string } = {},
): AllureGenerateResult {
  const cwd = options.cwd ?? repoRoot;
  const started = Date.now();
  if (!existsSync(join(cwd, 'allure-results')))
    return { generated: false, durationMs: 0, message: 'no allure-results/ to generate from' };
  // A single-file report after a multi-file one would otherwise sit next to the old app bundle.
  rmSync(join(cwd, 'allure-report'), { recursive: true, force: true });
  const cli = join(repoRoot, 'node_modules', 'allure', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'generate', '--config', join(repoRoot, 'allurerc.mjs')], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...(options.singleFile ? { MDE_REPORT_SINGLE_FILE: 'true' } : {}) },
  });
  const durationMs = Date.now() - started;
  if (run.status !== 0) {
    const detail = `${run.stderr ?? ''}${run.stdout ?? ''}`.trim().split('\n').slice(-3).join(' ');
    return { generated: false, durationMs, message: `allure generate failed: ${detail}` };
  }
  return { generated: true, durationMs, message: `allure-report/ generated in ${durationMs} ms` };
}
