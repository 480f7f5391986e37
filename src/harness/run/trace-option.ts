import type { TargetMode } from '../config/target-spec.ts';
import { playwrightArgv } from './playwright-argv.ts';
import type { RunPlan } from './run-plan.ts';

// A tenant run records no Playwright trace. A trace is written in the worker as the test ran, before
// any redaction: the errors as thrown (an expect() failure quotes what the target answered, and a
// target that echoes the bearer token it was sent puts it there), what the test printed, and, were
// Playwright's artifact recorder on, every request of the request context a tenant's calls go through,
// Authorization header and all. The suite switches that recorder off (tests/helpers/api-test.ts) for
// speed, through a fixture Playwright does not document; a Playwright that renamed it would trace the
// token silently. The leak scan finds a token in a trace only after the run, when the zip already sits
// where a CI job uploads its artefacts. Refused before anything is sent instead: the run's own evidence
// already records every exchange, redacted. An emulator's tokens open nothing but that emulator, and
// its runs may still be traced.

// What to do instead, the same words wherever the trace was asked for.
const INSTEAD =
  'MDE_TARGET=tenant records no Playwright trace, as one keeps what a test sent and said unredacted (a bearer token among it); the run already attaches every exchange to its test, redacted (test-results/, the Allure report)';

// Playwright's trace modes that record nothing.
const UNTRACED = new Set(['off']);

// The mode a resolved `trace` option stands for (Playwright: a mode name, or { mode } with settings).
export function traceMode(value: unknown): string {
  if (value === undefined || value === null) return 'off';
  if (typeof value === 'string') return value;
  const mode = (value as { mode?: unknown }).mode;
  return typeof mode === 'string' ? mode : 'off';
}

// --trace MODE and --trace=MODE on the command line (npm run conformance, npx playwright test), before
// a bare `--`; --ui records a trace of every test it runs.
export function traceOptionProblem(args: readonly string[], mode: TargetMode): string | undefined {
  if (mode !== 'tenant') return undefined;
  for (const token of playwrightArgv(args)) {
    if (token.kind !== 'option') continue;
    const value = token.values[0];
    if (token.name === '--trace' && (value === undefined || !UNTRACED.has(value)))
      return `--trace${value === undefined ? '' : ` ${value}`}: ${INSTEAD}; leave --trace out`;
    if (token.name.startsWith('--ui'))
      return `${token.written}: ${INSTEAD}; run it without the UI (--list shows the tests)`;
  }
  return undefined;
}

// A `trace` option that reached a run of a tenant some other way: `use.trace` in a configuration, a
// spec's test.use(), the VS Code extension's test server.
export function tracedTenantProblem(plan: RunPlan, trace: unknown): string | undefined {
  const mode = traceMode(trace);
  if (UNTRACED.has(mode) || !plan.targets.some((target) => target.spec.mode === 'tenant')) return undefined;
  return `trace '${mode}' in the Playwright configuration: ${INSTEAD}; set trace to 'off' or remove it`;
}
