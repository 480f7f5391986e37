import { retryAfterOf } from '../../http/exchange.ts';
import { dateSlack } from '../../http/retry-after-slack.ts';
import type { ThrottledReadPolicy } from '../../http/throttled-read-policy.ts';
import { waitForTarget } from './target-wait.ts';
import type { TenantState } from './tenant-state.ts';

// A tenant's quota may be shared with other callers (docs/contract.md#rate-limit-keying), so a read
// outside the rate tests may meet another caller's 429: asked again once after its Retry-After, as any
// client would. The 429 itself is still checked and recorded. A wait past the minute (the hour's limit)
// or none at all is not waited for: the test then ends without a verdict.
const THROTTLED_READ_MAX_WAIT_S = 60;

export function tenantThrottledReads(state: TenantState): ThrottledReadPolicy {
  return {
    async askAgain(answer) {
      const retryAfter = retryAfterOf(answer);
      // A date may read 2 s past the minute it names (rounded up, against a cached Date).
      if (retryAfter === undefined || retryAfter <= 0) return false;
      if (retryAfter > THROTTLED_READ_MAX_WAIT_S + dateSlack(answer)) return false;
      await waitForTarget(state.clock, retryAfter * 1000);
      return true;
    },
  };
}
