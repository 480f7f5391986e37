import { findingsOf } from '../../../src/harness/evidence/finding.ts';
import { observeExchange } from '../../../src/harness/observation/passive-readings.ts';
import {
  asAcceptedOrRefused,
  asCancelAnswerStatus,
  asCancelVisibleAfter,
  asDuplicateCreate,
  asRefusal,
} from '../../../src/harness/observation/read-answer.ts';
import { lawfulnessProblem, recordReading } from '../../../src/harness/observation/record-reading.ts';
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

// A tenant whose quota another caller shares answers some telling requests 429: "not now", no answer
// to the point. Recorded as an unreadable answer, it made a point the other tests read lawfully
// unknown as "the target answered differently within the run" (unknown-id, body-with-wrong-content-type
// in a rehearsal beside a second caller), and one it never answered "no answer fit a lawful reading".
test('a throttled answer records nothing: the point keeps what the answers on their merits read', () => {
  const refused = (status: number, code: string) =>
    answer(status, { error: { code, message: 'm' } }, status === 429 ? { 'retry-after': '3' } : {});
  const busy = refused(429, 'TooManyRequests');
  const evidence = { exchange: 'POST /api/machineactions/{id}/cancel → 429', status: 429 };
  recordReading('malformed-id', asRefusal(refused(400, 'InvalidInput')), evidence);
  recordReading('malformed-id', asRefusal(busy), evidence);
  recordReading('duplicate-create', asDuplicateCreate(busy, 'a'), evidence);
  recordReading('cancel-without-body', asAcceptedOrRefused(busy), evidence);
  recordReading('cancel-answer-status', asCancelAnswerStatus(busy), evidence);
  recordReading(
    'cancel-visible-after',
    asCancelVisibleAfter({ value: busy, settled: false, waitedSeconds: 0.5, reads: 2 }),
    evidence,
  );
  const kept = findingsOf(test.info().annotations).filter(
    (f) => f.kind === 'reading' || f.kind === 'unreadable',
  );
  expect(kept.map((f) => [f.kind, f.point])).toEqual([['reading', 'malformed-id']]);
});
