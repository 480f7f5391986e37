import type { SelftestCase } from '../../src/selftest/judge-matrix.ts';
import { judgeLawfulSkips, judgeTenantSkips, type RecordedTest } from '../../src/selftest/judge-skips.ts';
import { expect, test } from '../helpers/api-test.ts';

const REFERENCE = 'profile:default';
const ok = (name: string, kind: SelftestCase['kind']): SelftestCase => ({
  name,
  kind,
  ok: true,
  detail: 'fine',
});
const run = (target: string, title: string, outcome = 'passed', skipReason?: string): RecordedTest => ({
  target,
  file: 'cancel.spec.ts',
  title,
  outcome,
  ...(skipReason ? { skipReason } : {}),
});

test('a lawful case that skips a test the reference ran fails, naming the test and its reason', () => {
  const tests = [run(REFERENCE, 'A'), run('profile:lenient', 'A', 'skipped', 'lists no Pending action')];
  const [judged] = judgeLawfulSkips([ok('profile:lenient', 'profile')], tests, REFERENCE, {});
  expect(judged).toMatchObject({ ok: false });
  expect(judged!.detail).toBe(`left untested where ${REFERENCE} tested it: A (lists no Pending action)`);
});

test('a skip the reference shares, or the case declares, is lawful', () => {
  const tests = [
    run(REFERENCE, 'A', 'skipped', 'no device'),
    run('independent:a', 'A', 'skipped', 'no device'),
    run(REFERENCE, 'B'),
    run('independent:a', 'B', 'skipped', 'never finishes'),
  ];
  const declared = { 'independent:a': [{ test: 'B', why: 'its scans never finish' }] };
  expect(judgeLawfulSkips([ok('independent:a', 'independent')], tests, REFERENCE, declared)).toEqual([
    {
      ...ok('independent:a', 'independent'),
      detail: 'fine; untested as declared: B (its scans never finish)',
    },
  ]);
});

test('a declared skip that no longer happens fails, as a stale declaration', () => {
  const tests = [run(REFERENCE, 'B'), run('independent:a', 'B')];
  const declared = { 'independent:a': [{ test: 'B', why: 'its scans never finish' }] };
  const [judged] = judgeLawfulSkips([ok('independent:a', 'independent')], tests, REFERENCE, declared);
  expect(judged).toMatchObject({
    ok: false,
    detail: expect.stringContaining('declared untestable but not skipped: B'),
  });
});

test('faults and tenant rehearsals may skip what they cannot set up; a failed case keeps its own detail first', () => {
  const tests = [
    run(REFERENCE, 'A'),
    run('fault:seed-lost', 'A', 'skipped'),
    run('tenant:read-only', 'A', 'skipped'),
    run('profile:lagging', 'A', 'skipped'),
  ];
  const failed: SelftestCase = {
    name: 'profile:lagging',
    kind: 'profile',
    ok: false,
    detail: 'false alarm: X FAIL',
  };
  const judged = judgeLawfulSkips(
    [ok('fault:seed-lost', 'fault'), ok('tenant:read-only', 'tenant'), failed],
    tests,
    REFERENCE,
    {},
  );
  expect(judged.slice(0, 2).every((c) => c.ok)).toBe(true);
  expect(judged[2]!.detail).toBe(
    `false alarm: X FAIL; left untested where ${REFERENCE} tested it: A (no reason given)`,
  );
});

test('a tenant rehearsal may skip for its declared reasons only, and every declared reason must be met', () => {
  const rehearsal = ok('tenant:writes', 'tenant');
  const declared = { 'tenant:writes': ['needs a second tenant', 'needs MDE_ALLOW_THROTTLING=true'] };
  const tests = [
    run('tenant:writes', 'A', 'skipped', 'needs a second tenant, which a single-tenant run does not have'),
    run('tenant:writes', 'B', 'skipped', 'needs MDE_ALLOW_THROTTLING=true to exhaust a limit'),
    run('tenant:writes', 'C'),
  ];
  expect(judgeTenantSkips([rehearsal], tests, declared)).toEqual([rehearsal]);
  const [wrong] = judgeTenantSkips(
    [rehearsal],
    [...tests, run('tenant:writes', 'D', 'skipped', 'the device lists no Pending action other than a scan')],
    declared,
  );
  expect(wrong).toMatchObject({ ok: false });
  expect(wrong!.detail).toBe(
    'left untested for a reason no tenant run has: D (the device lists no Pending action other than a scan)',
  );
  const [stale] = judgeTenantSkips([rehearsal], tests.slice(0, 1), declared);
  expect(stale!.detail).toBe(
    'declared skip reason not met: "needs MDE_ALLOW_THROTTLING=true" (src/selftest/tenant-skips.ts)',
  );
  // Other kinds are judged elsewhere.
  const profile = ok('profile:default', 'profile');
  expect(judgeTenantSkips([profile], [run('profile:default', 'A', 'skipped')], declared)).toEqual([profile]);
});
