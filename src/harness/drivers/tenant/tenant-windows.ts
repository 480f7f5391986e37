import { getContract } from '../../../contract/index.ts';
import { waitForTarget } from './target-wait.ts';
import { sameTenant } from './tenant-quota.ts';
import type { TenantState } from './tenant-state.ts';

const HOUR_MS = 3_600_000;

// Before a rate test on a tenant: waits until the window (the minute's or the hour's) holds none of our
// cancels on this tenant, whichever app made them: a tenant may count all apps together (docs/contract.md#rate-limit-keying),
// and then a role test's cancel would be throttled in the rate test's fresh window. The rate test's app
// is counted, but not limited, by the ledger.
export async function waitForFreshWindow(state: TenantState, window: 'minute' | 'hour'): Promise<void> {
  const { ledger, clock } = state;
  const last = ledger.callsInLastHour('CancelMachineAction', sameTenant(state.options.spec)).at(-1);
  const windowMs = window === 'hour' ? HOUR_MS : 60_000;
  const since = last === undefined ? undefined : clock.now() - last;
  if (since !== undefined && since < windowMs) await clock.sleep(windowMs - since + 1000);
  if (window === 'minute') await waitForHourRoom(state);
}

// A minute test sends up to two minutes' worth of calls, which must fit in the hour limit as well:
// an earlier run within the hour may have used most of it. Waits until enough of the oldest calls
// have left the hour window, and gives the test that much more time (up to an hour).
async function waitForHourRoom(state: TenantState): Promise<void> {
  const { perMinute, perHour } = getContract().rateLimit('CancelMachineAction');
  const { ledger, clock } = state;
  const recent = ledger.callsInLastHour('CancelMachineAction', sameTenant(state.options.spec));
  const excess = recent.length + 2 * perMinute - perHour;
  if (excess <= 0) return;
  const waitMs = recent[excess - 1]! + HOUR_MS - clock.now() + 1000;
  await waitForTarget(clock, waitMs);
}
