import { RateLimiter } from '../../../src/emulator/rate-limit/rate-limiter.ts';
import { CONTRACT_THROTTLE } from '../../../src/emulator/rate-limit/throttle-policy.ts';
import { expect, test } from '../../helpers/api-test.ts';

const LIMIT = { perMinute: 100, perHour: 1500 };

// The fault rate-minute-503-half sheds calls 51 to 100. Its burst spread over two seconds (a loaded
// machine) left 66 calls in the window when the 429's wait ended, and the call RATE.RECOVER judges
// was shed: the self-test read RATE.RECOVER FAIL beside RATE.MINUTE now and then.
test('the shedding fault sheds before the first 429 only, however long the burst took', () => {
  const limiter = new RateLimiter('sliding', { ...CONTRACT_THROTTLE, minuteServedUpTo: 50 });
  const answers = Array.from({ length: 100 }, (_, i) => limiter.take('app', LIMIT, i * 20));
  expect(answers.filter((a) => !a.throttled && a.shed)).toHaveLength(50);
  const refused = limiter.take('app', LIMIT, 2_000);
  expect(refused.throttled).toBe(true);
  const waited = 2_000 + (refused.throttled ? refused.waitMs : 0);
  expect(limiter.take('app', LIMIT, waited)).toEqual({ throttled: false });
});
