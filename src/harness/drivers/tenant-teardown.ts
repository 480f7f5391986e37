import { isFinal } from '../../contract/index.ts';
import { currentTestInfo } from '../evidence/record-finding.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { Exchange } from '../http/exchange.ts';
import { SETTLE_BOUND_SECONDS } from './eventually.ts';
import type { MachineActionRecord, TargetDriver } from './target-driver.ts';
import type { TenantState } from './tenant-state.ts';

// When a test ends, every action it created and left running is cancelled, so the device is free for
// the next test and nothing of the run keeps going; the ledger entry says how each one ended.
export async function cancelLeftovers(
  api: ApiClient,
  state: TenantState,
  ids: readonly string[],
  eventually: TargetDriver['eventually'],
): Promise<void> {
  for (const id of ids) {
    const entry = state.created.get(id);
    // A final action never changes: one seen final (by a test's read or an earlier sweep) is skipped.
    if (!entry || (entry.lastStatus && isFinal(entry.lastStatus))) continue;
    // Not cancelled by its test: cancel it now.
    if (!entry.cancelledBy) {
      const cancel = await api.cancel(id, { Comment: `mde-conformance ${state.options.runId}: teardown` });
      if (cancel.status === 200) entry.cancelledBy = 'teardown';
    }
    const read = () => api.get(id);
    // A cancelled action keeps its device busy until a GET shows it ended, which may be some time after
    // the 200 (docs/contract.md#cancel-visible-after): read on the settle schedule so the next test's
    // scan finds the device free. One whose cancel was refused most likely ended by itself: read once.
    let last: Exchange;
    if (entry.cancelledBy) {
      // The wait is the teardown's, not the test's: it gets time of its own.
      const info = currentTestInfo();
      if (info && info.timeout > 0) info.setTimeout(info.timeout + SETTLE_BOUND_SECONDS * 1000);
      last = (await eventually(read, (res) => res.status === 200 && isFinal(statusOf(res) ?? ''))).value;
    } else last = await read();
    entry.lastStatus = statusOf(last) ?? `unknown (GET ${last.status})`;
  }
}

function statusOf(res: Exchange): string | undefined {
  const status = (res.body as MachineActionRecord | undefined)?.status;
  return typeof status === 'string' ? status : undefined;
}
