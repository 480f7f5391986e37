import type { ApiClient } from '../http/api-client.ts';
import type { Exchange } from '../http/exchange.ts';
import type { MachineActionRecord, TargetDriver } from './target-driver.ts';
import type { TenantState } from './tenant-state.ts';

export interface StartedScan {
  exchange: Exchange;
  // The answer carries an action this run started (its Comment has the run's tag): set when it does.
  ours?: MachineActionRecord;
  // First seen by this call: the test that asked owns it and its teardown.
  fresh: boolean;
  // Ours, and a GET of it answered 200 within the settle bound.
  readable: boolean;
}

// Starts a quick scan on a tenant device and records it in the worker's ledger. One this run started
// is read back until GET answers 200: a new action may answer 404 for a moment while it replicates
// (docs/contract.md#hosts).
export async function startScan(
  api: ApiClient,
  state: TenantState,
  machineId: string,
  eventually: TargetDriver['eventually'],
): Promise<StartedScan> {
  const runTag = `mde-conformance ${state.options.runId}`;
  const exchange = await api.runAntiVirusScan(machineId, {
    Comment: `${runTag}: quick scan to cancel`,
    ScanType: 'Quick',
  });
  const body = exchange.body as MachineActionRecord | undefined;
  // A duplicate may come back as someone else's running action (docs/contract.md#duplicate-actions): only an
  // action carrying this run's tag is ours to cancel.
  const ours = exchange.status < 300 && !!body?.id && String(body.requestorComment ?? '').includes(runTag);
  if (!ours || !body) return { exchange, fresh: false, readable: false };
  const fresh = !state.created.has(body.id);
  if (fresh)
    state.created.set(body.id, {
      id: body.id,
      type: body.type,
      machineId,
      createdAt: new Date(state.clock.now()).toISOString(),
      lastStatus: body.status,
    });
  const seen = await eventually(
    () => api.get(body.id),
    (res) => res.status === 200,
  );
  return { exchange, ours: body, fresh, readable: seen.settled };
}
