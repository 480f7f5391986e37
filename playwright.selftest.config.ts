import { defineConfig, type Project } from '@playwright/test';
import type { EmulatorTarget, TenantTarget } from './src/harness/config/target-spec.ts';
import type { TargetWorkerFixtures } from './tests/fixtures/target.fixtures.ts';

// The self-test matrix, driven by scripts/selftest.ts: the conformance suite, unchanged, against many
// reference emulators at once (one per profile and per fault). The script starts the emulators and
// passes their URLs in MDE_SELFTEST_TARGETS. Each target is one project run by one worker, so the
// clock-moving tests never overlap another test on the same emulator; every test has its own tenant,
// apps and tokens, so a clock moved by an earlier test does not disturb a later one. Targets run side
// by side.
type Urls = Record<string, string>;
const urls = JSON.parse(process.env.MDE_SELFTEST_TARGETS ?? '{}') as Urls;
// Tenant rehearsals: an emulator without control protocol, driven in tenant mode (credentials come
// from the environment the script sets).
type Tenants = Record<string, { url: string; writes: boolean }>;
const tenants = JSON.parse(process.env.MDE_SELFTEST_TENANTS ?? '{}') as Tenants;

function tenantProject(
  name: string,
  { url, writes }: Tenants[string],
): Project<unknown, TargetWorkerFixtures> {
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
    // The rehearsal emulator is the whole tenant: the run may use all of its quota.
    quotaShare: 1,
  };
  // One worker: a tenant's device takes one scan at a time.
  return { name, metadata, use: { target }, workers: 1 };
}

function projectFor(name: string, apiBaseUrl: string): Project<unknown, TargetWorkerFixtures> {
  const metadata = { target: name, targetInfo: { mode: 'emulator', apiHost: 'loopback', description: name } };
  const target: EmulatorTarget = { mode: 'emulator', apiBaseUrl };
  return { name, metadata, use: { target }, workers: 1 };
}

export default defineConfig<unknown, TargetWorkerFixtures>({
  testDir: './tests/conformance',
  outputDir: 'test-results/selftest',
  fullyParallel: true,
  // Measured on 2 cores: 2 workers 227 s, 3 workers 253 s, 4 workers 286 s (the emulators share the CPU).
  workers: Number(process.env.MDE_SELFTEST_WORKERS ?? 2),
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
    ...Object.entries(urls).map(([name, url]) => projectFor(name, url)),
    ...Object.entries(tenants).map(([name, tenant]) => tenantProject(name, tenant)),
  ],
});
