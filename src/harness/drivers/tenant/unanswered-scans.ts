import { readFileSync } from 'node:fs';
import type { ApiClient } from '../../http/api-client.ts';
import { listPages } from '../../http/list-pages.ts';
import { linksOn } from '../../http/next-page.ts';
import { SETTLE_BOUND_SECONDS } from '../eventually.ts';
import type { MachineActionRecord } from '../target-driver.ts';
import { runLedgerFiles } from './tenant-reports.ts';
import type { TenantState } from './tenant-state.ts';

// A scan whose answer never came (a reset, MDE_REQUEST_TIMEOUT_SECONDS passed, the worker killed while
// it waited) may have started all the same: the tenant had the request. Nothing recorded it, so no
// teardown cancelled it and it ran on after the run, missing from tenant-ledger.json. Each scan sent is
// noted on disk until its answer is handled (tenant-scan.ts); a note left looks the device's list over
// for an action with the run's tag that no ledger of the run holds, and adopts it to be cancelled.

// The tag every scan of the run carries at the start of its Comment (tenant-scan.ts).
export function runTagOf(runId: string): string {
  // The colon ends the tag: a run id cannot hold one (MDE_RUN_ID), so no other run's tag starts with it.
  return `mde-conformance ${runId}:`;
}

// Answers the ids adopted into the worker's ledger, those still active first to be cancelled. A note
// is dropped once a look finds its scan, or a whole list read a settle bound after it was sent shows
// none (the request never started one); a list that cannot be read, or an action whose owner cannot be
// told, keeps the notes for a later look.
export async function adoptUnanswered(
  api: ApiClient,
  state: TenantState,
  machineId: string,
): Promise<string[]> {
  if (state.unansweredScans.length === 0) return [];
  const tag = runTagOf(state.options.runId);
  const known = new Set([...state.created.keys(), ...otherLedgerIds(state)]);
  const query = { $filter: `machineId eq '${machineId.replace(/'/g, "''")}'` };
  // Not one an earlier run with this MDE_RUN_ID left (a CI re-run): that is never this run's to cancel
  // (docs/interfaces.md#interrupted-tenant-runs). A lost scan was created after it was sent, on the
  // target's clock, give or take a skew that the offset learnt from a Date header (if any) takes out.
  const since = Math.min(...state.unansweredScans.map(Date.parse)) + (state.clockOffsetMs ?? 0) - SKEW_MS;
  const candidates: MachineActionRecord[] = [];
  // Whether the list was read to its end: one that goes on where the suite does not read it (a
  // nextLink to another host, or past MAX_PAGES) may hold the scan on the rest.
  let whole = true;
  for await (const res of listPages(api, query)) {
    if (res.status !== 200) return [];
    whole = !linksOn(res.body);
    const value = (res.body as { value?: MachineActionRecord[] } | undefined)?.value;
    for (const action of Array.isArray(value) ? value : [])
      if (typeof action?.id === 'string' && !known.has(action.id) && createdSince(action, since))
        candidates.push(action);
  }
  const found: MachineActionRecord[] = [];
  // Any member but four may be left out of a list (docs/contract.md#machine-action-fields): one listed
  // without requestorComment is told by its own read, as a scan's answer is (tenant-scan.ts).
  let untold = 0;
  for (const action of candidates) {
    if (tagged(action, tag)) found.push(action);
    else if (typeof action.requestorComment !== 'string') {
      const read = await api.get(action.id);
      const body = read.body as MachineActionRecord | undefined;
      if (read.status === 200 && body && tagged(body, tag)) found.push({ ...action, ...body });
      else if (read.status !== 200 || typeof body?.requestorComment !== 'string') untold += 1;
    }
  }
  for (const action of found) {
    state.created.set(action.id, {
      id: action.id,
      type: action.type,
      machineId,
      createdAt: String(action.creationDateTimeUtc ?? new Date(state.clock.now()).toISOString()),
      lastStatus: action.status,
    });
  }
  const boundMs = SETTLE_BOUND_SECONDS * 1000;
  const settled = (sentAt: string) => state.clock.now() - Date.parse(sentAt) >= boundMs;
  // Found ones answer the oldest notes; past the bound, an unfound note started nothing.
  state.unansweredScans.splice(0, found.length);
  if (untold === 0 && whole)
    state.unansweredScans = state.unansweredScans.filter((sentAt) => !settled(sentAt));
  state.writeLedger();
  return found.map((a) => a.id);
}

const SKEW_MS = 60_000;

function createdSince(action: MachineActionRecord, since: number): boolean {
  const created = Date.parse(String(action.creationDateTimeUtc));
  return Number.isFinite(created) && created >= since;
}

function tagged(action: MachineActionRecord, tag: string): boolean {
  return typeof action.requestorComment === 'string' && action.requestorComment.startsWith(tag);
}

// The actions the run's other workers hold in their ledgers (alive, or dead and not yet taken over):
// theirs to cancel, not this worker's.
function otherLedgerIds(state: TenantState): string[] {
  const { resultsDir, runId, spec } = state.options;
  return runLedgerFiles(resultsDir, runId, spec)
    .filter(({ pid }) => pid !== process.pid)
    .flatMap(({ file }) => {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { actions: { id: string }[] }).actions.map(
          (a) => a.id,
        );
      } catch {
        return [];
      }
    });
}
