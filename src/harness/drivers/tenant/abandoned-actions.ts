import { readFileSync, rmSync } from 'node:fs';
import { isFinal } from '../../../contract/index.ts';
import type { ApiClient } from '../../http/api-client.ts';
import type { TargetDriver } from '../target-driver.ts';
import { ledgerWriterAlive } from './ledger-writer.ts';
import { runLedgerFiles } from './tenant-reports.ts';
import type { LedgerEntry, TenantState } from './tenant-state.ts';
import { cancelLeftovers } from './tenant-teardown.ts';

// A worker that died (killed, out of memory) took its teardown with it: the scan its test had started
// kept running on the device, every later scan of the run was refused as a duplicate (NA), and the
// action was missing from tenant-ledger.json. Each worker keeps its ledger file up to date as it
// creates actions; the next worker of the run takes over the file of one that has gone and returns
// the actions that may still run, for its driver to cancel before it starts a scan of its own.
export function adoptAbandoned(
  state: TenantState,
  isAlive: (pid: number, file: string) => boolean = ledgerWriterAlive,
): string[] {
  const { resultsDir, runId, spec } = state.options;
  const open: string[] = [];
  for (const { file, pid } of runLedgerFiles(resultsDir, runId, spec)) {
    if (pid === process.pid || isAlive(pid, file)) continue;
    let actions: LedgerEntry[];
    let unanswered: string[] | undefined;
    try {
      ({ actions, unansweredScans: unanswered } = JSON.parse(readFileSync(file, 'utf8')) as {
        actions: LedgerEntry[];
        unansweredScans?: string[];
      });
    } catch {
      // Cut short as it died: the reports name the file and what it cost.
      continue;
    }
    // Scans it sent and had no answer to: the look at the device is this worker's now.
    state.unansweredScans.push(...(unanswered ?? []));
    for (const entry of actions) {
      if (state.created.has(entry.id)) continue;
      state.created.set(entry.id, entry);
      if (!(entry.lastStatus && isFinal(entry.lastStatus))) open.push(entry.id);
    }
    // Its actions are this worker's now, in this worker's file: the reports list each one once.
    state.writeLedger();
    rmSync(file, { force: true });
  }
  return open;
}

// Before a scan: the device would refuse every scan as a duplicate while a dead worker's scan runs
// (taken over once per worker), or one of the run whose answer was lost (looked for while noted).
export async function cancelAbandoned(
  state: TenantState,
  api: ApiClient,
  eventually: TargetDriver['eventually'],
): Promise<void> {
  const open = state.abandonedTaken ? [] : adoptAbandoned(state);
  state.abandonedTaken = true;
  if (open.length > 0 || state.unansweredScans.length > 0)
    await cancelLeftovers(api, state, open, eventually);
}
