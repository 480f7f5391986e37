import { blocksRun, compareWithBaseline, decideVerdict } from '../../../src/reporters/compliance/verdict.ts';
import { expect, test } from '../../helpers/api-test.ts';

const pass = { title: 'ok', outcome: 'passed' as const };
const fail = {
  title: 'cancel of a Succeeded action is rejected',
  outcome: 'failed' as const,
  errorLine: 'x: expected 400, got 200',
};
const skip = (reason: string) => ({ title: 's', outcome: 'skipped' as const, skipReason: reason });

test.describe('verdict rules (docs/interfaces.md#verdicts)', () => {
  test('a failing claiming test makes a MUST requirement FAIL with its one-line error as reason', () => {
    expect(decideVerdict({ level: 'MUST', tests: [pass, fail], violations: [], observed: [] })).toEqual({
      verdict: 'FAIL',
      reason: 'x: expected 400, got 200',
      errored: false,
    });
  });

  test('a SHOULD requirement is WARN, never FAIL', () => {
    expect(decideVerdict({ level: 'SHOULD', tests: [fail], violations: [], observed: [] }).verdict).toBe(
      'WARN',
    );
  });

  test('a violation naming the requirement fails it even when its own tests pass or are skipped', () => {
    const result = decideVerdict({
      level: 'MUST',
      tests: [skip('n/a')],
      violations: ['t: /status bad'],
      observed: [],
    });
    expect(result).toMatchObject({ verdict: 'FAIL', reason: 't: /status bad' });
  });

  test('every claiming test skipped is NA, with the distinct skip reasons', () => {
    const result = decideVerdict({
      level: 'MUST',
      tests: [skip('writes are off'), skip('writes are off'), skip('no machine')],
      violations: [],
      observed: [],
    });
    expect(result).toEqual({ verdict: 'NA', reason: 'writes are off; no machine', errored: false });
  });

  test('no claiming test at all is NA and says so', () => {
    expect(decideVerdict({ level: 'SHOULD', tests: [], violations: [], observed: [] }).reason).toBe(
      'no test ran for it in this run',
    );
  });

  test('OBSERVE is OBSERVED with what was seen, NA when skipped, and never fails', () => {
    expect(
      decideVerdict({ level: 'OBSERVE', tests: [pass], violations: [], observed: ['200', '200'] }),
    ).toEqual({
      verdict: 'OBSERVED',
      observed: '200',
      errored: false,
    });
    expect(
      decideVerdict({ level: 'OBSERVE', tests: [skip('x')], violations: [], observed: [] }).verdict,
    ).toBe('NA');
    expect(decideVerdict({ level: 'OBSERVE', tests: [fail], violations: [], observed: [] }).verdict).toBe(
      'OBSERVED',
    );
  });

  test('a test that reached no verdict makes the row ERROR, never FAIL, with the lost exchange as reason', () => {
    const errored = { title: 't', outcome: 'errored' as const, errorLine: 't: ECONNREFUSED' };
    expect(decideVerdict({ level: 'MUST', tests: [errored], violations: [], observed: [] })).toEqual({
      verdict: 'ERROR',
      reason: 't: ECONNREFUSED',
      errored: true,
    });
  });

  test('a failed assertion is evidence and wins over a test of the same row that reached no verdict', () => {
    const errored = { title: 'e', outcome: 'errored' as const, errorLine: 'e: connection reset' };
    expect(
      decideVerdict({ level: 'SHOULD', tests: [errored, fail], violations: [], observed: [] }),
    ).toMatchObject({
      verdict: 'WARN',
      reason: 'x: expected 400, got 200',
    });
  });

  test('an OBSERVE row whose test reached no verdict is ERROR, not an observation', () => {
    const errored = { title: 'e', outcome: 'errored' as const, errorLine: 'e: no answer within 10 s' };
    expect(decideVerdict({ level: 'OBSERVE', tests: [errored], violations: [], observed: [] })).toMatchObject(
      {
        verdict: 'ERROR',
        reason: 'e: no answer within 10 s',
      },
    );
  });

  test('passing tests next to skipped ones are PASS', () => {
    expect(
      decideVerdict({ level: 'MUST', tests: [pass, skip('x')], violations: [], observed: [] }).verdict,
    ).toBe('PASS');
  });
});

test.describe('baseline comparison', () => {
  test('a listed deviation that happens is known and does not block the run', () => {
    expect(compareWithBaseline('FAIL', 'FAIL')).toBe('known');
    expect(blocksRun('FAIL', 'known')).toBe(false);
  });

  test('a listed deviation that no longer happens is stale and blocks the run', () => {
    expect(compareWithBaseline('PASS', 'FAIL')).toBe('stale');
    expect(blocksRun('PASS', 'stale')).toBe(true);
  });

  test('a skipped requirement neither confirms nor refutes its baseline entry', () => {
    expect(compareWithBaseline('NA', 'FAIL')).toBe('not-exercised');
    expect(blocksRun('NA', 'not-exercised')).toBe(false);
  });

  test('a new MUST failure blocks; WARN and unlisted passes do not', () => {
    expect(blocksRun('FAIL', undefined)).toBe(true);
    expect(blocksRun('WARN', undefined)).toBe(false);
    expect(compareWithBaseline('PASS', undefined)).toBeUndefined();
  });
});
