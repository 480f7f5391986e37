import { getRegistry } from '../../../src/contract/index.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { mustCoverageRequired } from '../../../src/reporters/compliance/must-coverage.ts';
import { renderJson } from '../../../src/reporters/compliance/render-json.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runRecords, skipped, testRecord } from '../helpers/records.ts';

test('MDE_REQUIRE_MUST_COVERAGE is on for true or 1, off unset, and a typo is refused rather than read as off', () => {
  expect(mustCoverageRequired({ MDE_REQUIRE_MUST_COVERAGE: 'TRUE' })).toBe(true);
  expect(mustCoverageRequired({ MDE_REQUIRE_MUST_COVERAGE: '1' })).toBe(true);
  expect(mustCoverageRequired({})).toBe(false);
  expect(mustCoverageRequired({ MDE_REQUIRE_MUST_COVERAGE: 'false' })).toBe(false);
  expect(() => mustCoverageRequired({ MDE_REQUIRE_MUST_COVERAGE: 'on' })).toThrow(
    'ConfigError: MDE_REQUIRE_MUST_COVERAGE must be true or false (got "on")',
  );
});

// A tenant run never judges AUTH.EXPIRED (an hour of real time) nor CANCEL.TENANT (a second tenant):
// the contract says so (specs/requirements.yaml, `never`). Coverage must not ask for them, or no
// tenant run could ever pass it; a MUST left NA only by a switch that is off still fails it.
const registry = getRegistry();
const tenant = {
  mode: 'tenant' as const,
  apiHost: 'api.securitycenter.microsoft.com',
  description: 'a tenant',
};
const cannot = ['AUTH.EXPIRED', 'CANCEL.TENANT'];

function tenantReport(skippedToo: string[] = []) {
  const tests = registry.requirements.map((r) =>
    testRecord({
      title: r.id,
      target: 'tenant',
      requirements: [r.id],
      ...(cannot.includes(r.id)
        ? skipped('an expired token needs an hour of real time on a tenant')
        : skippedToo.includes(r.id)
          ? skipped('needs MDE_ALLOW_WRITES=true')
          : {}),
    }),
  );
  return buildComplianceReport({
    records: runRecords(tests, { targets: { tenant } }),
    targetName: 'tenant',
    registry,
    now: new Date('2026-01-02T03:04:05.000Z'),
    requireMust: true,
  });
}

test('on a tenant, a MUST no tenant run can judge is NA with the contract reason and is not missing coverage', () => {
  const built = tenantReport();
  expect(built.summary).toMatchObject({ exitCode: 0, mustFailed: 0 });
  const expired = built.requirements.find((r) => r.id === 'AUTH.EXPIRED')!;
  expect(expired).toMatchObject({
    verdict: 'NA',
    applicable: false,
    reason:
      'not applicable to tenant targets: an expired token needs an hour of real time; no clock to advance',
  });
  expect(built.requirements.find((r) => r.id === 'CANCEL.TENANT')!.applicable).toBe(false);
  // renderJson checks the report against its schema.
  const json = JSON.parse(renderJson(built)) as { requirements: { id: string; applicable?: boolean }[] };
  expect(json.requirements.find((r) => r.id === 'AUTH.EXPIRED')!.applicable).toBe(false);
  expect(renderMarkdown(built)).toContain('| AUTH.EXPIRED | MUST | NA | not applicable to tenant targets:');
});

test('on a tenant, a MUST left NA by a switch still fails coverage, and the headline says that is why', () => {
  const built = tenantReport(['CANCEL.OK', 'CANCEL.STATUS']);
  expect(built.summary).toMatchObject({
    exitCode: 1,
    mustFailed: 0,
    exitReason:
      'MUST requirements not judged, which MDE_REQUIRE_MUST_COVERAGE forbids: CANCEL.OK, CANCEL.STATUS',
  });
  expect(built.requirements.find((r) => r.id === 'CANCEL.OK')!.applicable).toBeUndefined();
  expect(renderMarkdown(built)).toContain(
    '**Not conforming** (exit 1): MUST requirements not judged, which MDE_REQUIRE_MUST_COVERAGE forbids: CANCEL.OK, CANCEL.STATUS. ',
  );
});

test('on an emulator the same MUSTs apply: left NA, they fail coverage', () => {
  const tests = registry.requirements.map((r) =>
    testRecord({ title: r.id, requirements: [r.id], ...(cannot.includes(r.id) ? skipped('no clock') : {}) }),
  );
  const built = buildComplianceReport({
    records: runRecords(tests),
    targetName: 'embedded',
    registry,
    requireMust: true,
  });
  expect(built.summary.exitCode).toBe(1);
  expect(built.requirements.find((r) => r.id === 'AUTH.EXPIRED')).toMatchObject({
    verdict: 'NA',
    reason: 'no clock',
  });
  expect(built.requirements.find((r) => r.id === 'AUTH.EXPIRED')!.applicable).toBeUndefined();
});

// A run whose command line selected its tests (`--grep-invert "Failed action"`) may keep a test of
// every MUST and still leave cases of them untested (CANCEL.FINAL's Failed case): every row reads PASS
// and none NA. A gate that must not pass on what was never tested cannot vouch for such a run.
test('a run whose command line selected its tests fails coverage even where every MUST kept a test', () => {
  const tests = registry.requirements.map((r) => testRecord({ title: r.id, requirements: [r.id] }));
  const narrowedBy = ['--grep-invert Failed action'];
  const gated = buildComplianceReport({
    records: runRecords(tests, { narrowedBy }),
    targetName: 'embedded',
    registry,
    requireMust: true,
  });
  expect(gated.requirements.filter((r) => r.verdict === 'NA')).toEqual([]);
  expect(gated.summary.exitCode).toBe(1);
  expect(gated.summary.exitReason).toContain(
    'MDE_REQUIRE_MUST_COVERAGE needs a whole run: the command line selected the tests (--grep-invert Failed action)',
  );
  expect(renderMarkdown(gated)).toContain(
    '**Not conforming, partial run** (exit 1): MDE_REQUIRE_MUST_COVERAGE',
  );
  // Without the gate the exit code stays the verdict on what ran.
  const ungated = buildComplianceReport({
    records: runRecords(tests, { narrowedBy }),
    targetName: 'embedded',
    registry,
  });
  expect(ungated.summary.exitCode).toBe(0);
});
