import type { TestInfo } from '@playwright/test';
import { isFinal } from '../../../contract/index.ts';
import { TransportError } from '../../errors.ts';
import { findingsOf } from '../../evidence/finding.ts';
import { currentTestInfo } from '../../evidence/record-finding.ts';
import type { ApiClient } from '../../http/api-client.ts';
import { type Exchange, retryAfterOf } from '../../http/exchange.ts';
import { SETTLE_BOUND_SECONDS } from '../eventually.ts';
import type { MachineActionRecord, TargetDriver } from '../target-driver.ts';
import { waitForTarget } from './target-wait.ts';
import type { TenantState } from './tenant-state.ts';
import { adoptUnanswered } from './unanswered-scans.ts';

const MINUTE_S = 60;

// When a test ends, every action it created and left running is cancelled, so the device is free for
// the next test and nothing of the run keeps going; the ledger entry says how each one ended. Its
// calls are never held by MDE_QUOTA_SHARE (TenantState.stopping): a stop must end within a CI's grace.
export function cancelLeftovers(
  api: ApiClient,
  state: TenantState,
  given: readonly string[],
  eventually: TargetDriver['eventually'],
): Promise<void> {
  return state.stopping(() => sweep(api, state, given, eventually));
}

async function sweep(
  api: ApiClient,
  state: TenantState,
  given: readonly string[],
  eventually: TargetDriver['eventually'],
): Promise<void> {
  const info = currentTestInfo();
  const ids = [...given, ...(await unansweredOnDevice(api, state, info))];
  const open = ids.filter((id) => {
    const entry = state.created.get(id);
    // A final action never changes: one seen final (by a test's read or an earlier sweep) is skipped.
    return entry && !(entry.lastStatus && isFinal(entry.lastStatus));
  });
  // Waiting for cancels to show is the teardown's time, not the test's: Playwright runs a fixture's
  // teardown in a slot of its own, which this sets once for every wait it may take.
  if (info && info.timeout > 0 && open.length > 0)
    info.setTimeout(info.timeout + open.length * SETTLE_BOUND_SECONDS * 1000);
  for (const id of open) {
    const entry = state.created.get(id)!;
    // The teardown's exchanges are not the test's evidence: a lost one must not turn its verdict into
    // ERROR, nor stop the sweep (the next test would find the device busy).
    const mark = info?.annotations.length ?? 0;
    try {
      const outcome = entry.cancelledBy ? 'by the test' : await cancelled(api, state, id);
      if (outcome === 'cancelled') entry.cancelledBy = 'teardown';
      const last = await settled(id, api, outcome !== 'refused', eventually);
      entry.lastStatus = statusOf(last) ?? `unknown (GET ${last.status})`;
    } catch (error) {
      entry.lastStatus = `unknown (teardown: ${(error as Error).message})`;
    } finally {
      if (info) dropLostExchanges(info, mark);
      // How it ended, on disk now: the worker may die before it ends (abandoned-actions.ts).
      state.writeLedger();
    }
  }
}

// The teardown's cancel, asked once more when the answer says "not now" rather than "no". A first
// asking lost or failed may have cancelled all the same: a refusal then leaves it 'maybe' so.
async function cancelled(
  api: ApiClient,
  state: TenantState,
  id: string,
): Promise<'cancelled' | 'maybe' | 'refused'> {
  const comment = { Comment: `mde-conformance ${state.options.runId}: teardown` };
  const ask = async () => {
    try {
      return await api.cancel(id, comment);
    } catch (error) {
      if (error instanceof TransportError) return undefined;
      throw error;
    }
  };
  const cancel = await ask();
  if (cancel?.status === 200) return 'cancelled';
  // Right after the rate tests the app's minute is spent: a 429 refused the cancel, not the action,
  // which ran on after the run (proved on the tenant rehearsal with RATE.NOEFFECT's scan). Wait as
  // told, within the minute window and the second a date may round up
  // (docs/contract.md#retry-after-form). A 5xx is a failure worth retrying (docs/contract.md#error-codes)
  // and a lost cancel may never have arrived: one asked once left the scan running (proved on a fake
  // tenant). Anything else is a refusal, most likely of an action that ended by itself. A Retry-After
  // of "now" (0, a date not after its Date) tells no wait: asked again at once, the cancel met 429 again.
  let waitMs: number;
  if (cancel?.status === 429) {
    const told = retryAfterOf(cancel);
    waitMs = Math.min(told !== undefined && told > 0 ? told : MINUTE_S, MINUTE_S + 1) * 1000;
  } else if (cancel === undefined || cancel.status >= 500) waitMs = RETRY_PAUSE_MS;
  else return 'refused';
  await waitForTarget(state.clock, waitMs);
  const again = await ask();
  if (again?.status === 200) return 'cancelled';
  // A refusal after a 429 is an answer about the action; after anything lost, it may have taken.
  return cancel?.status === 429 && again !== undefined ? 'refused' : 'maybe';
}

const RETRY_PAUSE_MS = 1_000;

// A cancelled action keeps its device busy until a GET shows it ended, which may be some time after
// the 200 (docs/contract.md#cancel-visible-after): read on the settle schedule so the next test's
// scan finds the device free. One whose cancel was refused most likely ended by itself: read once.
async function settled(
  id: string,
  api: ApiClient,
  cancelled: boolean,
  eventually: TargetDriver['eventually'],
): Promise<Exchange> {
  const read = () => api.get(id);
  if (!cancelled) return read();
  return (await eventually(read, (res) => res.status === 200 && isFinal(statusOf(res) ?? ''))).value;
}

// A scan of the run whose answer was lost may be running: the device's list names it (unanswered-scans.ts).
// Its exchanges are the teardown's, as the cancels are.
async function unansweredOnDevice(api: ApiClient, state: TenantState, info: TestInfo | undefined) {
  const { machineId } = state.options.spec;
  if (!machineId || state.unansweredScans.length === 0) return [];
  const mark = info?.annotations.length ?? 0;
  try {
    return await adoptUnanswered(api, state, machineId);
  } catch {
    return [];
  } finally {
    if (info) dropLostExchanges(info, mark);
  }
}

function dropLostExchanges(info: TestInfo, from: number): void {
  const added = info.annotations.slice(from);
  // Read back as findings, as the reporter reads them, not by matching the annotation's text.
  const kept = added.filter((a) => findingsOf([a])[0]?.kind !== 'no-verdict');
  info.annotations.splice(from, added.length, ...kept);
}

function statusOf(res: Exchange): string | undefined {
  const status = (res.body as MachineActionRecord | undefined)?.status;
  return typeof status === 'string' ? status : undefined;
}
