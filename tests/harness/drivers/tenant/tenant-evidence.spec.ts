import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantTarget } from '../../../../src/harness/config/target-spec.ts';
import { reportsDirOf, writeTenantEvidence } from '../../../../src/harness/drivers/tenant/tenant-evidence.ts';
import { quotaKeyOf, tenantQuotaLedger } from '../../../../src/harness/drivers/tenant/tenant-quota.ts';
import { actionLedgerFile } from '../../../../src/harness/drivers/tenant/tenant-reports.ts';
import { type RunPlan, type TargetPlan, targetInfo } from '../../../../src/harness/run/run-plan.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';
import { tenantTarget } from '../../../helpers/tenant-target.ts';

test.afterEach(removeTempDirs);

const RUN = 'run-evidence';
const tenantA = tenantTarget();
const tenantB = tenantTarget({
  tenantId: '0b6a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  credentials: {
    operator: { kind: 'secret', clientId: '99999999-8888-4777-8666-555555555555', secretVariable: 'X' },
    roles: {},
  },
});

const plan = (...targets: [string, TargetPlan['spec']][]): RunPlan => ({
  runId: RUN,
  requestTimeoutMs: 1_000,
  testTimeoutMs: 1_000,
  exchanges: 'quiet',
  targets: targets.map(([name, spec]) => ({ name, spec, info: targetInfo(spec) })),
});

// What the workers of a run against both tenants leave in test-results/: calls and created actions.
function resultsOfBothTenants(): string {
  const results = tempDir('tenant-evidence-');
  const spend = (spec: TenantTarget, calls: number) => {
    const ledger = tenantQuotaLedger(spec, RUN, results);
    for (let i = 0; i < calls; i++)
      ledger.tryReserve(quotaKeyOf(spec, 'operator', spec.credentials.operator), 'CancelMachineAction');
  };
  spend(tenantA, 3);
  spend(tenantB, 5);
  for (const [spec, id] of [
    [tenantA, 'action-of-a'],
    [tenantB, 'action-of-b'],
  ] as const) {
    const file = actionLedgerFile(results, RUN, spec, 4242);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({ runId: RUN, actions: [{ id, lastStatus: 'Cancelled', cancelledBy: 'test' }] }),
    );
  }
  return results;
}

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const totals = (file: string) => json(file).calls.map((c: { total: number }) => c.total);

test("a run whose one target is a tenant writes that tenant's quota and actions beside compliance.json", async () => {
  const results = resultsOfBothTenants();
  const reports = tempDir('tenant-evidence-reports-');
  expect(await writeTenantEvidence(plan(['tenant', tenantA]), results, reports)).toEqual([]);
  expect(totals(join(reports, 'quota.json'))).toEqual([3]);
  expect(json(join(reports, 'tenant-ledger.json'))).toEqual({
    runId: RUN,
    actions: [{ id: 'action-of-a', lastStatus: 'Cancelled', cancelledBy: 'test' }],
  });
});

test('a run of several targets writes each tenant under tenants/<target>/ and leaves reports/ files alone', async () => {
  const results = resultsOfBothTenants();
  const reports = tempDir('tenant-evidence-reports-');
  // A user's last tenant run, and a directory an earlier matrix run left.
  writeFileSync(join(reports, 'tenant-ledger.json'), '{"runId":"the-users-run"}');
  mkdirSync(join(reports, 'tenants', 'tenant-gone'), { recursive: true });
  const run = plan(['tenant:a', tenantA], ['tenant:b', tenantB], ['embedded', { mode: 'embedded' }]);
  expect(await writeTenantEvidence(run, results, reports)).toEqual([]);
  expect(totals(join(reports, 'tenants', 'tenant-a', 'quota.json'))).toEqual([3]);
  expect(totals(join(reports, 'tenants', 'tenant-b', 'quota.json'))).toEqual([5]);
  expect(json(join(reports, 'tenants', 'tenant-b', 'tenant-ledger.json')).actions).toEqual([
    { id: 'action-of-b', lastStatus: 'Cancelled', cancelledBy: 'test' },
  ]);
  expect(json(join(reports, 'tenant-ledger.json'))).toEqual({ runId: 'the-users-run' });
  expect(existsSync(join(reports, 'quota.json'))).toBe(false);
  expect(existsSync(join(reports, 'tenants', 'tenant-gone'))).toBe(false);
});

test('evidence that cannot be written is a run error naming where, not a crash of the reporter', async () => {
  const results = resultsOfBothTenants();
  const blocked = join(tempDir('tenant-evidence-reports-'), 'reports');
  writeFileSync(blocked, 'a file where the reports directory should be');
  const errors = await writeTenantEvidence(plan(['tenant', tenantA]), results, blocked);
  expect(errors).toEqual([expect.stringContaining(blocked)]);
});

test("a worker's ledger that is not JSON costs its own actions, named, not the others'", async () => {
  const results = resultsOfBothTenants();
  // A worker killed while writing its file (before the files were written whole).
  const cut = actionLedgerFile(results, RUN, tenantA, 4343);
  writeFileSync(cut, '{"runId":"run-evidence","actions":[{"id":"a2"');
  // Workers' writes under way: temporary files are no ledgers.
  writeFileSync(join(cut, '..', '.4444-x.json.tmp'), '{"runId":"run-evidence","actions":[{"id":"a3"');
  writeFileSync(`${actionLedgerFile(results, RUN, tenantA, 4444)}.tmp`, '{"actions":[{"id":"a4"}]}');
  const reports = tempDir('tenant-evidence-reports-');
  writeFileSync(join(reports, 'tenant-ledger.json'), '{"runId":"earlier"}');
  const errors = await writeTenantEvidence(plan(['tenant', tenantA]), results, reports);
  expect(errors).toEqual([expect.stringContaining('4343.json could not be read')]);
  expect(json(join(reports, 'tenant-ledger.json'))).toEqual({
    runId: RUN,
    actions: [{ id: 'action-of-a', lastStatus: 'Cancelled', cancelledBy: 'test' }],
  });
});

test("the reports directory is the compliance reporter's, relative to the configuration, else reports/", () => {
  const configFile = join('/runs', 'a', 'playwright.config.ts');
  const reporter = (options?: object): [string, unknown][] => [
    ['list', undefined],
    ['./src/reporters/compliance/compliance-reporter.ts', options],
  ];
  expect(reportsDirOf({ configFile, reporter: reporter({ outputDir: 'reports/selftest-run' }) })).toBe(
    join('/runs', 'a', 'reports', 'selftest-run'),
  );
  expect(reportsDirOf({ configFile, reporter: reporter() })).toBe(join('/runs', 'a', 'reports'));
  // npx playwright test --reporter=line: no compliance reporter, the evidence still goes to reports/.
  expect(reportsDirOf({ configFile, reporter: [['line', undefined]] })).toBe(join('/runs', 'a', 'reports'));
});
