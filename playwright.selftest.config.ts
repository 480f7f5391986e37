import { defineConfig, type Project } from '@playwright/test';
import type { EmulatorTarget, TenantTarget } from './src/harness/config/target-spec.ts';
import type { TargetWorkerFixtures } from './tests/fixtures/target.fixtures.ts';

// The self-test matrix, driven by scripts/selftest.ts: the conformance suite, unchanged, against many
// reference emulators at once (one per profile and per fault). The script starts the emulators and
// passes their URLs in MDE_SELFTEST_TARGETS; each target gets two projects, so the clock-moving tests
// (one at a time) have an emulator of their own.
type Urls = Record<string, { main: string; clock: string }>;
const urls = JSON.parse(process.env.MDE_SELFTEST_TARGETS ?? '{}') as Urls;
// Tenant rehearsals: an emulator without control protocol, driven in tenant mode (credentials come
// from the environment the script sets).
type Tenants = Record<string, { url: string; writes: boolean }>;
const tenants = JSON.parse(process.env.MDE_SELFTEST_TENANTS ?? '{}') as Tenants;

function tenantProjects(
  name: string,
  { url, writes }: Tenants[string],
): Project<unknown, TargetWorkerFixtures>[] {
  const metadata = { target: name, targetInfo: { mode: 'tenant', apiHost: 'loopback', description: name } };
  const target: TenantTarget = {
    mode: 'tenant',
    apiBaseUrl: url,
    authBaseUrl: url,
    tenantId: process.env.MDE_TENANT_ID ?? '',
    scope: 'https://api.securitycenter.microsoft.com/.default',
    machineId: process.env.MDE_MACHINE_ID,
    allowWrites: writes,
    allowThrottling: false,
    allowHourThrottling: false,
    quotaShare: 0.5,
  };
  // One worker per project: a tenant's device takes one scan at a time.
  return [
    { name, testIgnore: ['clock/**'], metadata, use: { target }, workers: 1 },
    { name: `${name} (clock)`, testMatch: ['clock/**/*.spec.ts'], metadata, use: { target }, workers: 1 },
  ];
}

function projectsFor(name: string, { main, clock }: Urls[string]): Project<unknown, TargetWorkerFixtures>[] {
  const metadata = { target: name, targetInfo: { mode: 'emulator', apiHost: 'loopback', description: name } };
  const target = (apiBaseUrl: string): EmulatorTarget => ({ mode: 'emulator', apiBaseUrl });
  return [
    { name, testIgnore: ['clock/**'], metadata, use: { target: target(main) } },
    {
      name: `${name} (clock)`,
      testMatch: ['clock/**/*.spec.ts'],
      metadata,
      use: { target: target(clock) },
      workers: 1,
    },
  ];
}

export default defineConfig<unknown, TargetWorkerFixtures>({
  testDir: './tests/conformance',
  outputDir: 'test-results/selftest',
  fullyParallel: true,
  workers: Number(process.env.MDE_SELFTEST_WORKERS ?? 3),
  retries: 0,
  timeout: 60_000,
  reporter: [
    [
      './src/reporters/compliance-reporter.ts',
      { outputDir: 'reports/selftest-run', recordsFile: 'test-results/selftest-records.json', quiet: true },
    ],
    ['dot'],
  ],
  projects: [
    ...Object.entries(urls).flatMap(([name, pair]) => projectsFor(name, pair)),
    ...Object.entries(tenants).flatMap(([name, tenant]) => tenantProjects(name, tenant)),
  ],
});
