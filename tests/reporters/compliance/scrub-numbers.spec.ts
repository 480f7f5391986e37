import { scrubValue } from '../../../src/reporters/compliance/scrub.ts';
import { expect, test } from '../../helpers/api-test.ts';

// scrubValue once scrubbed a report's JSON text and parsed it back: a configured secret of digits
// standing inside a number left a bare [REDACTED] there, and writing the report threw a SyntaxError.
test('a report value is scrubbed where a configured secret of digits stands inside a number', () => {
  const values = [{ what: 'the value of MDE_CLIENT_SECRET', kind: 'secret' as const, forms: ['864213'] }];
  expect(scrubValue({ summary: { durationMs: 98642135, passed: 3 }, reason: 'got 864213' }, values)).toEqual({
    summary: { durationMs: '[REDACTED]', passed: 3 },
    reason: 'got [REDACTED]',
  });
});
