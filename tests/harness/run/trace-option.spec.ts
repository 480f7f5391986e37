import { targetOptionProblem } from '../../../src/harness/run/playwright-option-values.ts';
import type { RunPlan } from '../../../src/harness/run/run-plan.ts';
import { tracedTenantProblem, traceMode, traceOptionProblem } from '../../../src/harness/run/trace-option.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';

// A tenant run records no Playwright trace (src/harness/run/trace-option.ts): each way of asking for
// one is refused before anything is sent, in one line that says what to do instead.
const REFUSED = /MDE_TARGET=tenant records no Playwright trace.*redacted/;

test('every trace mode Playwright takes on the command line is refused for a tenant, in both forms', () => {
  for (const mode of [
    'on',
    'retain-on-failure',
    'on-first-retry',
    'on-all-retries',
    'retain-on-first-failure',
    'retain-on-failure-and-retries',
  ])
    for (const args of [['--trace', mode], [`--trace=${mode}`], ['--grep', '@RATE', '--trace', mode]]) {
      const problem = traceOptionProblem(args, 'tenant');
      expect(problem, args.join(' ')).toMatch(REFUSED);
      expect(problem).toMatch(new RegExp(`^--trace ${mode}: .*leave --trace out$`));
      // The same refusal wherever the target's options are checked (npm run conformance, npx playwright test).
      expect(targetOptionProblem(args, 'tenant'), args.join(' ')).toBe(problem);
    }
});

test('a --trace without its mode is refused for a tenant too', () => {
  expect(traceOptionProblem(['--trace'], 'tenant')).toMatch(/^--trace: /);
});

test("the UI records a trace of every test: refused for a tenant's plain npx playwright test --ui", () => {
  expect(traceOptionProblem(['--ui'], 'tenant')).toMatch(/^--ui: .*without the UI/);
  expect(traceOptionProblem(['--ui-port=0'], 'tenant')).toMatch(/^--ui-port: /);
});

test('no trace, --trace off, and a --trace after a bare -- are no problem for a tenant', () => {
  for (const args of [[], ['--trace', 'off'], ['--trace=off'], ['--', '--trace', 'on'], ['--grep', 'trace']])
    expect(traceOptionProblem(args, 'tenant'), args.join(' ')).toBeUndefined();
});

test('an emulator run may be traced: its tokens open nothing but that emulator', () => {
  for (const mode of ['embedded', 'emulator'] as const)
    expect(traceOptionProblem(['--trace', 'on', '--ui'], mode)).toBeUndefined();
});

const tenantPlan: RunPlan = {
  runId: 'run-1',
  requestTimeoutMs: 1000,
  testTimeoutMs: 1000,
  exchanges: 'full',
  targets: [
    { name: 'tenant', spec: tenantTarget(), info: { mode: 'tenant', apiHost: 'h', description: 'd' } },
  ],
};
const embeddedPlan: RunPlan = {
  ...tenantPlan,
  targets: [
    {
      name: 'embedded',
      spec: { mode: 'embedded' },
      info: { mode: 'embedded', apiHost: 'h', description: 'd' },
    },
  ],
};

test('a trace option from a configuration is read as Playwright reads it: a mode, or { mode }', () => {
  expect(traceMode(undefined)).toBe('off');
  expect(traceMode('on')).toBe('on');
  expect(traceMode({ mode: 'retain-on-failure', snapshots: false })).toBe('retain-on-failure');
  expect(traceMode({ snapshots: true })).toBe('off');
});

test('a traced configuration is refused for a plan with a tenant target, and only then', () => {
  for (const trace of ['on', { mode: 'on-first-retry' }, 'retry-with-trace'])
    expect(tracedTenantProblem(tenantPlan, trace)).toMatch(REFUSED);
  expect(tracedTenantProblem(tenantPlan, { mode: 'on' })).toMatch(
    /^trace 'on' in the Playwright configuration: .*set trace to 'off'/,
  );
  for (const trace of [undefined, 'off', { mode: 'off' }])
    expect(tracedTenantProblem(tenantPlan, trace)).toBeUndefined();
  expect(tracedTenantProblem(embeddedPlan, 'on')).toBeUndefined();
});
