import { statSync } from 'node:fs';
import type { TargetMode } from '../config/target-spec.ts';
import { optionValues, playwrightArgv } from './playwright-argv.ts';
import { traceOptionProblem } from './trace-option.ts';

// Playwright options as `npm run conformance` hands them on, whose bad values Playwright either throws
// with a stack trace after the run has begun (`--workers=abc`, `--project nope`, a `--config` that
// does not exist) or reads as a number nobody wrote (parseInt: `--timeout=-5` timed every test out at
// once, `--retries=abc` ran none). Checked here, before anything starts, each in one line.
const WHOLE_NUMBERS: Record<string, { least: number; what: string }> = {
  '--timeout': { least: 0, what: 'milliseconds per test, 0 for none' },
  '--global-timeout': { least: 0, what: 'milliseconds for the whole run, 0 for none' },
  '--max-failures': { least: 0, what: 'failures to stop after, 0 for none' },
  '--retries': { least: 0, what: 'retries of a failed test' },
  '--repeat-each': { least: 1, what: 'runs of each test' },
};
// Files Playwright opens once its runner has started: a missing one stopped the run with ENOENT's stack
// trace, after its stopped-run report had replaced the last run's reports.
const FILES = ['--test-list', '--test-list-invert', '--tsconfig'];
const WORKERS = '--workers';
const CONFIG = '--config';

export function playwrightOptionProblem(args: readonly string[]): string | undefined {
  const names = [...Object.keys(WHOLE_NUMBERS), WORKERS, CONFIG, ...FILES];
  const tokens = playwrightArgv(args);
  for (const token of tokens) {
    if (token.kind !== 'option' || !names.includes(token.name)) continue;
    const { name: long, written: name } = token;
    const value = token.values[0];
    if (long === CONFIG)
      return `${name} would replace the conformance run's configuration (its target, workers, reporters and redaction); npm run conformance always runs its own: leave ${name} out`;
    if (value === undefined || value === '' || (value.startsWith('-') && !/^-\d/.test(value)))
      return `${name} needs a value: ${name}=${FILES.includes(long) ? 'FILE' : 'N'} (see npm run conformance -- --help)`;
    if (FILES.includes(long)) {
      if (!statSync(value, { throwIfNoEntry: false })?.isFile())
        return `${name} ${value} names no file (from ${process.cwd()}); give the path of one`;
      continue;
    }
    if (long === WORKERS) {
      const percent = /^(\d+)%$/.exec(value);
      const ok = percent ? Number(percent[1]) >= 1 : /^\d+$/.test(value) && Number(value) >= 1;
      if (!ok)
        return `${name} must be a whole number of workers from 1, or a percentage of the CPU cores from 1% (got "${value}")`;
      continue;
    }
    const rule = WHOLE_NUMBERS[long]!;
    if (!/^\d+$/.test(value) || Number(value) < rule.least)
      return `${name} must be a whole number from ${rule.least}, ${rule.what} (got "${value}")`;
  }
  if (tokens.some((token) => token.kind === 'option' && token.name.startsWith('--ui')))
    return '--ui opens a browser, and the suite installs none (it tests an API): use --list to see the tests, and the Allure report (allure-report/index.html) to read a run';
  return undefined;
}

// The projects a run has (conformance-config.ts): an embedded target's tests share one; a target the
// run shares (an emulator already running, a tenant) runs its clock tests in projects of their own.
const PROJECTS: Record<TargetMode, string[]> = {
  embedded: ['conformance'],
  emulator: ['conformance', 'conformance-clock', 'conformance-clock-hour'],
  tenant: ['conformance', 'conformance-clock', 'conformance-clock-hour'],
};

// Options whose lawful values follow from the target, known only once the configuration is read.
// --project: Playwright matches it without case and with '*' wildcards; a name with a wildcard is its own.
// --workers: a target the run shares (an emulator already running, a tenant) has one clock and one
// quota, so its run has one worker (conformance-config.ts); `--workers=3` against the reference
// emulator ran the rate tests beside the others and failed RATE.MINUTE on a lawful target.
// --trace: a tenant run records no Playwright trace (trace-option.ts).
export function targetOptionProblem(args: readonly string[], mode: TargetMode): string | undefined {
  const traced = traceOptionProblem(args, mode);
  if (traced) return traced;
  const projects = PROJECTS[mode];
  for (const token of playwrightArgv(args)) {
    if (token.kind !== 'option' || token.name !== '--project') continue;
    const names = token.values.filter((value) => value !== '' && !value.startsWith('-'));
    if (names.length === 0) return `--project needs a value: --project=NAME, one of ${projects.join(', ')}`;
    const unknown = names.find((value) => !value.includes('*') && !projects.includes(value.toLowerCase()));
    if (unknown)
      return `--project ${unknown} names no project of this run (MDE_TARGET=${mode}): give one of ${projects.join(', ')}, or narrow the run with --grep`;
  }
  if (mode !== 'embedded')
    for (const { name, value } of optionValues(args, [WORKERS])) {
      // `--workers` with nothing after it printed "--workers undefined: ... runs on one worker".
      if (value === undefined || value === '' || (value.startsWith('-') && !/^-\d/.test(value)))
        return `${name} needs a value: MDE_TARGET=${mode} runs on one worker, so leave ${name} out or give ${name}=1`;
      if (value !== '1')
        return `${name} ${value}: MDE_TARGET=${mode} runs on one worker, as its clock and rate limits are shared by every test (more would make them fail each other); leave ${name} out`;
    }
  return undefined;
}
