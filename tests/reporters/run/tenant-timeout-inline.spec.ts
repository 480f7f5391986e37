import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { details, inlineWorkspace, REPORTER, removeWorkspaces, runInline } from '../helpers/run-inline.ts';

test.afterAll(() => removeWorkspaces(undefined));

// A tenant run out of time (--global-timeout): Playwright skips the global teardown that writes the
// tenant's evidence, so the compliance reporter writes what the workers kept, and an earlier run's
// quota.json and tenant-ledger.json never stand beside this run's report.
test("a tenant run out of time replaces the earlier run's quota.json and tenant-ledger.json", async () => {
  const spec = tenantTarget();
  const plan = {
    runId: 'run-out-of-time',
    requestTimeoutMs: 10_000,
    testTimeoutMs: 30_000,
    exchanges: 'full',
    targets: [
      { name: 'tenant', spec, info: { mode: 'tenant', apiHost: 'api.example', description: 'tenant' } },
    ],
  };
  const dir = inlineWorkspace({
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.', workers: 1,
  reporter: [['${REPORTER}', { quiet: true }]],
  metadata: { plan: ${JSON.stringify(plan)} },
});`,
    'a.spec.ts': `import { writeFileSync } from 'node:fs';
import { test } from '@playwright/test';
test('a cancel that takes its time', ${details('CANCEL.OK')}, async () => {
  writeFileSync('worker.pid', String(process.pid));
  await new Promise((done) => setTimeout(done, 5_000));
});`,
  });
  mkdirSync(join(dir, 'reports'));
  writeFileSync(join(dir, 'reports', 'quota.json'), '{"runId":"earlier","calls":[]}');
  writeFileSync(join(dir, 'reports', 'tenant-ledger.json'), '{"runId":"earlier","actions":[{"id":"old"}]}');
  const run = await runInline(dir, ['--global-timeout=1000']);
  expect(run.json('reports/quota.json')).toEqual({
    runId: 'run-out-of-time',
    share: 0.5,
    scope: 'operation',
    calls: [],
  });
  expect(run.json('reports/tenant-ledger.json')).toEqual({ runId: 'run-out-of-time', actions: [] });
  expect(run.json<{ summary: { exitCode: number } }>('reports/compliance.json').summary.exitCode).toBe(2);
  // The runner stops its worker as it exits; a worker that reached the test may outlive it long enough
  // to write into the workspace after it is removed. (On a loaded machine the second may pass before
  // the worker reaches the test: the evidence is written all the same.)
  if (existsSync(join(dir, 'worker.pid'))) await gone(Number(run.read('worker.pid')));
});

// A shard's quota.json is the next shard's to overwrite, or stays on its own machine: its records carry it
// to the merge (merge-quota.ts).
test("a tenant shard's records carry the quota the global teardown wrote for it", async () => {
  const plan = {
    runId: 'run-shard',
    requestTimeoutMs: 10_000,
    testTimeoutMs: 30_000,
    exchanges: 'full',
    targets: [
      {
        name: 'tenant',
        spec: tenantTarget(),
        info: { mode: 'tenant', apiHost: 'api.example', description: 'tenant' },
      },
    ],
  };
  const quota = { runId: 'run-shard', share: 0.5, calls: [] };
  const dir = inlineWorkspace({
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.', workers: 1, globalTeardown: './teardown.ts',
  reporter: [['${REPORTER}', { quiet: true }]],
  metadata: { plan: ${JSON.stringify(plan)} },
});`,
    'teardown.ts': `import { mkdirSync, writeFileSync } from 'node:fs';
export default () => {
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/quota.json', ${JSON.stringify(JSON.stringify(quota))});
};`,
    'a.spec.ts': `import { test } from '@playwright/test';
test('a cancel', ${details('CANCEL.OK')}, async () => {});`,
  });
  const run = await runInline(dir, ['--shard=1/1']);
  expect(run.json<{ quota?: unknown }>('reports/shards/shard-1-of-1.json').quota).toEqual(quota);
});

async function gone(pid: number): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}
