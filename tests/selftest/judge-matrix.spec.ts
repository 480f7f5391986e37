import {
  judgeMatrix,
  judgeRunErrors,
  judgeTenantRun,
  type MatrixIndex,
} from '../../src/selftest/judge-matrix.ts';
import { expect, test } from '../helpers/api-test.ts';

// The self-test's verdict on itself: small hand-made matrices, each with one way to be wrong.
const LEVELS = { 'CANCEL.FINAL': 'MUST', 'CANCEL.OK': 'MUST', 'HDR.CONTENTTYPE': 'SHOULD' };
const FAULTS = [
  { name: 'final-accepted', breaks: ['CANCEL.FINAL'] },
  { name: 'loose-header', breaks: ['HDR.CONTENTTYPE'] },
  { name: 'lost-answer', breaks: [], errors: ['CANCEL.OK'] },
];
const CLEAN = { 'CANCEL.FINAL': 'PASS', 'CANCEL.OK': 'PASS', 'HDR.CONTENTTYPE': 'PASS' };

const target = (name: string, verdicts: Record<string, string>, errored = 0) => ({
  name,
  verdicts: { ...CLEAN, ...verdicts },
  summary: { errored },
});

function judge(...targets: MatrixIndex['targets']) {
  const index = { targets: [target('profile:default', {}), ...targets] };
  return judgeMatrix(
    index,
    FAULTS,
    LEVELS,
    index.targets.map((t) => t.name),
  ).slice(1);
}

test('a fault is caught when exactly its requirements fail: FAIL for a MUST, WARN for a SHOULD, ERROR for a wire fault', () => {
  const cases = judge(
    target('fault:final-accepted', { 'CANCEL.FINAL': 'FAIL' }),
    target('fault:loose-header', { 'HDR.CONTENTTYPE': 'WARN' }),
    target('fault:lost-answer', { 'CANCEL.OK': 'ERROR' }),
  );
  expect(cases.map((c) => c.ok)).toEqual([true, true, true]);
});

test('a MUST fault that only warns is missed', () => {
  const [fault] = judge(target('fault:final-accepted', { 'CANCEL.FINAL': 'WARN' }));
  expect(fault).toMatchObject({ ok: false, detail: 'missed: CANCEL.FINAL should be FAIL, got WARN' });
});

test('a fault that also moves another requirement away from the reference profile is not exact', () => {
  const [fault] = judge(target('fault:final-accepted', { 'CANCEL.FINAL': 'FAIL', 'CANCEL.OK': 'NA' }));
  expect(fault).toMatchObject({
    ok: false,
    detail:
      "also changed: CANCEL.OK PASS → NA (not in the fault's breaks: add it there if the fault breaks it too, or narrow the test that turned it to its own requirement; docs/writing-tests.md)",
  });
});

test('a profile fails on any FAIL, WARN or ERROR, and on errored tests', () => {
  const [warned, failed, erroredVerdict, errored, clean] = judge(
    target('profile:strict', { 'HDR.CONTENTTYPE': 'WARN' }),
    target('profile:tight', { 'CANCEL.FINAL': 'FAIL' }),
    target('profile:lossy', { 'CANCEL.OK': 'ERROR' }),
    target('profile:quiet', {}, 2),
    target('profile:loose', { 'CANCEL.OK': 'OBSERVED', 'CANCEL.FINAL': 'NA' }),
  );
  expect(warned).toMatchObject({ ok: false, detail: 'false alarm: HDR.CONTENTTYPE WARN' });
  expect(failed).toMatchObject({ ok: false, detail: 'false alarm: CANCEL.FINAL FAIL' });
  expect(erroredVerdict).toMatchObject({ ok: false, detail: 'false alarm: CANCEL.OK ERROR' });
  expect(errored).toMatchObject({ ok: false, detail: '2 test(s) errored' });
  expect(clean!.ok).toBe(true);
});

test('a failed case names the requirements it complains about, for their reasons in its report', () => {
  const [profile, fault] = judge(
    target('profile:strict', { 'HDR.CONTENTTYPE': 'WARN', 'CANCEL.OK': 'ERROR' }),
    target('fault:final-accepted', { 'CANCEL.FINAL': 'PASS', 'CANCEL.OK': 'FAIL' }),
  );
  expect(profile!.requirements).toEqual(['CANCEL.OK', 'HDR.CONTENTTYPE']);
  expect(fault!.requirements).toEqual(['CANCEL.FINAL', 'CANCEL.OK']);
});

test('a target that was planned but wrote no result is a failure, not a silent pass', () => {
  const index = { targets: [target('profile:default', {})] };
  const [, missing] = judgeMatrix(index, FAULTS, LEVELS, ['profile:default', 'fault:final-accepted']);
  expect(missing).toMatchObject({ ok: false, detail: 'no result: the target did not run' });
});

test('a tenant rehearsal fails on a broken switch, a false alarm or an errored test', () => {
  const index = {
    targets: [
      target('tenant:read-only', {}),
      target('tenant:writes', { 'CANCEL.OK': 'FAIL' }),
      target('tenant:flaky', {}, 1),
    ],
  };
  const check = (name: string, ok = true) => ({ name, ok, detail: ok ? 'no write' : 'a cancel was sent' });
  expect(judgeTenantRun(check('tenant:read-only'), index).ok).toBe(true);
  expect(judgeTenantRun(check('tenant:read-only', false), index)).toMatchObject({
    ok: false,
    detail: 'a cancel was sent',
  });
  expect(judgeTenantRun(check('tenant:writes'), index)).toMatchObject({
    ok: false,
    detail: 'false alarm: CANCEL.OK FAIL',
  });
  expect(judgeTenantRun(check('tenant:flaky'), index)).toMatchObject({
    ok: false,
    detail: '1 test(s) errored',
  });
  expect(judgeTenantRun(check('tenant:absent'), index).detail).toBe('no result: the rehearsal did not run');
});

test('an error outside any test fails the self-test with its own line', () => {
  const line =
    'a.spec.ts: "t": a test of a run with several targets carries no @target: tag; declare it inside suite().';
  expect(judgeRunErrors([{ category: 'suite-error', line }])).toEqual([
    { name: 'run', kind: 'run', ok: false, detail: `suite-error: ${line}` },
  ]);
  expect(judgeRunErrors([])).toEqual([]);
});
