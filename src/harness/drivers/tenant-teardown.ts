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
    // A final action never changes: one seen final (by a test's read or an earlier sweep) is skipped.
    if (!entry || (entry.lastStatus && isFinal(entry.lastStatus))) continue;
    // Not cancelled by its test: cancel it at once. The answer says whether it was still running, which
    // saves a read of the quota for every test that left its action running (most refusal tests).
    if (!entry.cancelledBy) {
      const cancel = await api.cancel(id, { Comment: `mde-conformance ${state.options.runId}: teardown` });
      if (cancel.status === 200) {
        entry.cancelledBy = 'teardown';
        entry.lastStatus = (cancel.body as MachineActionRecord | undefined)?.status ?? entry.lastStatus;
        continue;
      }
    }
    // A test cancelled it, or it ended by itself in the meantime: read how it ended, for the ledger.
    const res = await api.get(id);
    const status = (res.body as MachineActionRecord | undefined)?.status;
    entry.lastStatus = status ?? `unknown (GET ${res.status})`;
  }
}
