import { isFinal } from '../../contract/index.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { MachineActionRecord } from './target-driver.ts';
import type { TenantState } from './tenant-state.ts';

// When a test ends, every action it created and left running is cancelled, so the device is free for
// the next test and nothing of the run keeps going; the ledger entry says how each one ended.
export async function cancelLeftovers(
  api: ApiClient,
  state: TenantState,
  ids: readonly string[],
): Promise<void> {
  for (const id of ids) {
    const entry = state.created.get(id);
    // A final action never changes: one a test's teardown already saw final needs no read at the sweep.
    if (!entry || (entry.lastStatus && isFinal(entry.lastStatus))) continue;
    const res = await api.get(id);
    const status = (res.body as MachineActionRecord | undefined)?.status;
    entry.lastStatus = status ?? `unknown (GET ${res.status})`;
    if (status && isFinal(status)) {
      entry.cancelledBy ??= status === 'Cancelled' ? 'test' : undefined;
      continue;
    }
    const cancel = await api.cancel(id, { Comment: `mde-conformance ${state.options.runId}: teardown` });
    if (cancel.status === 200) {
      entry.cancelledBy = 'teardown';
      entry.lastStatus = (cancel.body as MachineActionRecord | undefined)?.status ?? entry.lastStatus;
    }
  }
}
