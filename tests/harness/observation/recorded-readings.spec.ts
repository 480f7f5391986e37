import { findingsOf } from '../../../src/harness/evidence/finding.ts';
import { observeExchange } from '../../../src/harness/observation/passive-readings.ts';
import { lawfulnessProblem } from '../../../src/harness/observation/record-reading.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { answer } from '../stand-ins/answers.ts';

// How a reading is recorded on the running test: checked against the lawful readings of its point,
// kept once per reading, with evidence that holds no request header.
test.describe('lawful readings come from the profile schema', () => {
  test('a reading outside the lawful ones says what is wrong', () => {
    expect(lawfulnessProblem('unknown-id', { status: 404, code: 'NotFound' })).toBeUndefined();
    expect(lawfulnessProblem('unknown-id', { status: 404, code: 'Missing' })).toMatch(
      /not a lawful reading.*code/,
    );
    expect(lawfulnessProblem('final-state-cancel', { status: 200, code: 'OK' })).toMatch(/status/);
    expect(lawfulnessProblem('timestamp-precision', 9)).toMatch(/not a lawful reading/);
    expect(lawfulnessProblem('extra-members', { error: ['innerError'] })).toBeUndefined();
  });

  test('an answer of one case is read by the lawful readings of that point, and names the case', () => {
    expect(lawfulnessProblem('www-authenticate', { missing: 'Bearer' })).toBeUndefined();
    expect(lawfulnessProblem('final-state-cancel', { Cancelled: { status: 409, code: 'Conflict' } })).toBe(
      undefined,
    );
    expect(lawfulnessProblem('unknown-id', { get: { status: 404, code: 'Missing' } })).toMatch(
      /not a lawful reading.* for get$/,
    );
    expect(lawfulnessProblem('final-state-cancel', { Succeeded: { status: 200, code: 'OK' } })).toMatch(
      / for Succeeded$/,
    );
  });
});

test('the running test keeps each reading once, with evidence that holds no request header', () => {
  const x = answer(401, { error: { code: 'Unauthorized', message: 'm' } }, { 'www-authenticate': 'Bearer' });
  for (let i = 0; i < 50; i++) observeExchange(x);
  observeExchange({ ...x, headers: { ...x.headers, 'www-authenticate': 'Negotiate' } });
  const kept = findingsOf(test.info().annotations).filter((f) => f.kind === 'reading');
  expect(kept.filter((f) => f.point === 'www-authenticate').map((f) => f.reading)).toEqual([
    { invalid: 'Bearer' },
    { invalid: 'Negotiate' },
  ]);
  expect(kept.find((f) => f.point === 'www-authenticate')?.evidence).toEqual({
    exchange: 'GET /api/machineactions/{id} → 401',
    status: 401,
    code: 'Unauthorized',
    headers: { 'www-authenticate': 'Bearer' },
  });
  expect(JSON.stringify(kept)).not.toContain('secret-token-value');
});
