// npm run conformance [-- <playwright args>]: validates the configuration, checks the target answers,
// runs the conformance suite (playwright.config.ts) and exits with the conformance verdict:
// 0 no MUST requirement failed and nothing errored, 1 a MUST requirement failed, 2 something errored
// or the configuration is invalid, 3 the target cannot be reached. User errors print one line each,
// never a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FAULT_CATALOGUE, PROFILES } from '../src/emulator/index.ts';
import { loadConfig } from '../src/harness/config/load-config.ts';
import { describeTarget } from '../src/harness/config/target-spec.ts';
import { ConfigError, isUserError } from '../src/harness/errors.ts';
import { preflight } from '../src/harness/preflight.ts';
import { redactText } from '../src/harness/redaction/redact.ts';
import { finishRun } from '../src/reporters/finish-run.ts';

const PREFLIGHT_BUDGET_MS = 10_000;

async function main(args: string[]): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const line of error.lines()) console.error(line);
      return 2;
    }
    throw error;
  }
  process.env.MDE_RUN_ID = config.runId;
  const target = config.target;
  console.log(`conformance: ${describeTarget(target)}, run ${config.runId}`);

  if (target.mode === 'embedded') {
    const problems = embeddedProblems(target.profile, target.faults ?? []);
    if (problems.length) {
      for (const line of new ConfigError(problems).lines()) console.error(line);
      return 2;
    }
  } else {
    try {
      await withBudget(
        preflight({ spec: target, apiBaseUrl: target.apiBaseUrl }, config),
        PREFLIGHT_BUDGET_MS,
      );
    } catch (error) {
      console.error(
        isUserError(error)
          ? error.message
          : `TargetUnreachableError: ${redactText(String((error as Error).message))}`,
      );
      return 3;
    }
  }

  const started = Date.now();
  const playwrightExit = await runPlaywright(args);
  // Allure report (known deviations marked), then the leak scan over every artefact; a leak wins.
  return finishRun({
    fallbackExitCode: verdictExit(args, started) ?? playwrightExit,
    singleFile: process.env.MDE_REPORT_SINGLE_FILE === 'true',
  });
}

// The harness cannot know the emulator's names; this script may, and says so before any worker starts.
function embeddedProblems(profile: string | undefined, faults: string[]) {
  const problems: { variable: string; problem: string }[] = [];
  if (profile && !(profile in PROFILES))
    problems.push({
      variable: 'MDE_EMULATOR_PROFILE',
      problem: `must be one of ${Object.keys(PROFILES).join(', ')} (got "${profile}")`,
    });
  const known = FAULT_CATALOGUE.map((f) => f.name as string);
  const unknown = faults.filter((f) => !known.includes(f));
  if (unknown.length)
    problems.push({
      variable: 'MDE_EMULATOR_FAULTS',
      problem: `names unknown faults ${unknown.join(', ')}; see docs/emulator.md for the list`,
    });
  return problems;
}

function runPlaywright(args: string[]): Promise<number> {
  const cli = resolve('node_modules', '@playwright', 'test', 'cli.js');
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'test', '-c', 'playwright.config.ts', ...args], {
      stdio: 'inherit',
      env: { ...process.env, MDE_SKIP_PREFLIGHT: '1' },
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => done(code ?? (signal ? 130 : 2)));
  });
}

// The compliance reporter's verdict for this run (reports/compliance.json, or the matrix index);
// undefined when it wrote none (a shard, --list, an ad-hoc reporter): Playwright's code stands.
function verdictExit(args: string[], since: number): number | undefined {
  if (args.some((a) => a.startsWith('--shard') || a === '--list')) return undefined;
  for (const file of ['reports/compliance.json', 'reports/targets/index.json']) {
    if (!existsSync(file) || statSync(file).mtimeMs < since) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      summary?: { exitCode?: number };
      exitCode?: number;
    };
    const code = report.summary?.exitCode ?? report.exitCode;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

function withBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the preflight did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

main(process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'))).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A bug of the suite, not a user error: still one line, the stack only with DEBUG.
    console.error(`conformance: ${redactText(String((error as Error)?.message ?? error))}`);
    if (process.env.DEBUG) console.error(redactText(String((error as Error)?.stack)));
    process.exit(2);
  },
);
