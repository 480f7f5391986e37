import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { encodeRunPlan, RUN_PLAN_VARIABLE, type RunPlan } from '../../../src/harness/run/run-plan.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { childOutput } from '../../helpers/child-output.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { jsonStandIn } from '../stand-ins/json-stand-in.ts';

// A tenant run asked for a Playwright trace stops before anything is sent (trace-option.ts): the
// tenant stand-in hears nothing, no sign-in happens, and no trace is written. Before, the run went on,
// signed in and wrote a trace.zip per test (--trace on: 53 of them for `--grep cancel`).
test.afterEach(removeTempDirs);

const REFUSED = 'MDE_TARGET=tenant records no Playwright trace';
const PLAYWRIGHT_CLI = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');

// A tenant stand-in on loopback that answers nothing useful and counts what reached it.
async function standIn() {
  const heard: string[] = [];
  const stand = await jsonStandIn(({ method, url, json }) => {
    heard.push(`${method} ${url}`);
    json(404, {});
  });
  return { url: stand.url, heard, close: stand.close };
}

function tenantEnv(url: string): NodeJS.ProcessEnv {
  return {
    ...withoutMdeVariables(),
    MDE_TARGET: 'tenant',
    MDE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    MDE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
    MDE_CLIENT_SECRET: 'trace-refused-secret-value-3',
    MDE_API_BASE_URL: url,
    MDE_AUTH_BASE_URL: url,
  };
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return childOutput(spawn(process.execPath, args, { cwd, env }));
}

// Every Playwright trace under `dir`: the zip a test keeps, or a trace file not yet zipped.
function traces(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.zip$|\.trace$/.test(file),
  );
}

for (const args of [['--trace', 'on'], ['--trace=retain-on-failure']])
  test(`npm run conformance ${args.join(' ')} against a tenant exits 2 in one line, before anything is sent`, async () => {
    const tenant = await standIn();
    const cwd = tempDir('tenant-trace-cli-');
    const result = await run([...CONFORMANCE_ARGS, ...args], cwd, tenantEnv(tenant.url));
    await tenant.close();
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^conformance: --trace \\S+: ${REFUSED}.*leave --trace out$`)),
    ]);
    expect(result.status).toBe(2);
    expect(tenant.heard).toEqual([]);
    expect(traces(cwd)).toEqual([]);
  });

test('a plain npx playwright test --trace on against a tenant exits 2 in one line', async () => {
  const tenant = await standIn();
  // --list: were the option let through, nothing would run and the repository's results stay as they are.
  const result = await run(
    [PLAYWRIGHT_CLI, 'test', '--list', '--trace', 'on'],
    repoRoot,
    tenantEnv(tenant.url),
  );
  await tenant.close();
  expect(result.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(`^conformance: --trace on: ${REFUSED}`),
  ]);
  expect(result.status).toBe(2);
});

// A configuration of the user's own around the suite's, with use.trace: refused in the runner before
// the suite's global set-up signs in for its preflight.
test('use.trace in a configuration stops a tenant run before its preflight signs in', async () => {
  const tenant = await standIn();
  const dir = tempDir('tenant-trace-config-');
  const config = join(dir, 'traced.config.ts');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  const module = (path: string) => JSON.stringify(join(repoRoot, path));
  writeFileSync(
    config,
    `import { conformanceConfig } from ${module('src/harness/run/conformance-config.ts')};
import { planOfThisRunOrExit } from ${module('src/harness/run/plan-from-config.ts')};
const config = conformanceConfig(planOfThisRunOrExit(), { outputDir: ${JSON.stringify(join(dir, 'out'))}, reporter: [['list']] });
export default { ...config, use: { trace: { mode: 'retain-on-failure' } } };
`,
  );
  const result = await run([PLAYWRIGHT_CLI, 'test', '-c', config], dir, tenantEnv(tenant.url));
  await tenant.close();
  expect(result.stderr + result.stdout).toContain(
    `trace 'retain-on-failure' in the Playwright configuration: ${REFUSED}`,
  );
  expect(result.status).not.toBe(0);
  expect(tenant.heard).toEqual([]);
  expect(traces(dir)).toEqual([]);
});

// A spec's own test.use({ trace }) reaches only its workers: refused there, before the test signs in.
test("a spec's test.use({ trace: 'on' }) fails its tenant tests before any sign-in", async () => {
  const tenant = await standIn();
  const dir = tempDir('tenant-trace-spec-');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  const module = (path: string) => JSON.stringify(join(repoRoot, path));
  writeFileSync(
    join(dir, 'traced.spec.ts'),
    `import { test } from ${module('tests/fixtures/index.ts')};
test.use({ trace: 'on' });
test('lists actions', async ({ api }) => {
  await api.list();
});
`,
  );
  writeFileSync(
    join(dir, 'traced.config.ts'),
    `import { conformanceConfig } from ${module('src/harness/run/conformance-config.ts')};
import { handedRunPlan } from ${module('src/harness/run/run-plan.ts')};
const config = conformanceConfig(handedRunPlan()!, { outputDir: ${JSON.stringify(join(dir, 'out'))}, reporter: [['list']] });
export default { ...config, testDir: ${JSON.stringify(dir)} };
`,
  );
  const spec = tenantTarget({ apiBaseUrl: tenant.url, authBaseUrl: tenant.url });
  // Handed down as npm run conformance hands it, its preflight done: only the worker is left to judge.
  const plan: RunPlan = {
    runId: 'run-traced-spec',
    requestTimeoutMs: 5_000,
    testTimeoutMs: 30_000,
    exchanges: 'full',
    preflighted: true,
    targets: [
      { name: 'tenant', spec, info: { mode: 'tenant', apiHost: 'loopback', description: 'stand-in' } },
    ],
  };
  // The secret the spec names (tenant-target.ts), so that without the guard the worker signs in.
  const env = {
    ...tenantEnv(tenant.url),
    MDE_HARNESS_TEST_SECRET: 'trace-refused-secret-value-4',
    [RUN_PLAN_VARIABLE]: encodeRunPlan(plan),
  };
  const result = await run([PLAYWRIGHT_CLI, 'test', '-c', join(dir, 'traced.config.ts')], dir, env);
  await tenant.close();
  expect(result.stdout).toContain(`trace 'on' in the Playwright configuration: ${REFUSED}`);
  expect(result.status).toBe(1);
  expect(tenant.heard).toEqual([]);
});
