import type { TestInfo } from '@playwright/test';
import { currentTestInfo } from './record-finding.ts';

// Whether a test claims a rate requirement (RATE.*). Only the rate tests send calls past the documented
// limits, so only there is a 429 known to be a limit's. Elsewhere it may be another caller's share of
// the quota, or the CPU quota the error table names (docs/contract.md#throttling): a "not now" that
// says nothing about the test, and nothing about which Retry-After it owes.
export function inRateTest(info: TestInfo | undefined = currentTestInfo()): boolean {
  return (info?.annotations ?? []).some(
    (a) => a.type === 'requirement' && a.description?.startsWith('RATE.') === true,
  );
}
