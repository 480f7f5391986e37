import { findingsOf } from '../../../src/harness/evidence/finding.ts';
import { observeExchange } from '../../../src/harness/observation/passive-readings.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { answer } from '../stand-ins/answers.ts';

// A 429 outside the rate tests is another caller's share of a tenant's quota or a front door's, not the
// target's answer to a point (docs/calibration.md#consistency). Read passively, a read-only run behind a
// front door that throttles with an HTTP-date wrote retry-after-form "http-date" (a point only the rate
// tests read), and its chunked, target-less 429 made framing and error-target unknown.
const frontDoor429 = () => {
  const busy = answer(
    429,
    { error: { code: 'TooManyRequests', message: 'busy' } },
    {
      'retry-after': 'Mon, 07 Dec 2026 21:58:43 GMT',
      'transfer-encoding': 'chunked',
      connection: 'close',
    },
  );
  delete (busy.headers as Record<string, string>)['content-length'];
  return busy;
};

const points = () =>
  findingsOf(test.info().annotations)
    .filter((f) => f.kind === 'reading' || f.kind === 'unreadable')
    .map((f) => f.point);

test('a 429 outside the rate tests records no passive reading', () => {
  observeExchange(frontDoor429());
  expect(points()).toEqual([]);
});

test('a 429 of a rate test is the limit answering: its Retry-After form and the rest are read', () => {
  test.info().annotations.push({ type: 'requirement', description: 'RATE.RETRYAFTER' });
  observeExchange(frontDoor429());
  expect(points()).toEqual(
    expect.arrayContaining(['retry-after-form', 'framing', 'connection', 'error-target', 'extra-members']),
  );
});
