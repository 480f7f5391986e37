import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { QUOTA_JSON, TENANT_LEDGER_JSON } from '../../../common/report-files.ts';
import { writeWhole } from '../../../common/write-whole.ts';
import { isFinal } from '../../../contract/index.ts';
import type { TenantTarget } from '../../config/target-spec.ts';
import { tenantKey } from '../../config/tenant-key.ts';
import { tenantQuotaReport } from './tenant-quota.ts';
import type { LedgerEntry } from './tenant-state.ts';

// After a tenant run: the quota it spent (quota.json) and every action it created with how it ended
// (tenant-ledger.json), from the files its workers kept in the results directory (test-results/).
// Returns what could not be read: a worker's file that is not JSON (a worker killed while writing it)
// costs the actions it held, named, not the others'.
export function writeTenantReports(
  runId: string,
  spec: TenantTarget,
  { resultsDir, reportsDir }: { resultsDir: string; reportsDir: string },
): string[] {
  const quota = tenantQuotaReport(spec, runId, resultsDir);
  const dir = join(resultsDir, ACTION_LEDGER_DIR);
  const prefix = actionLedgerPrefix(runId, spec);
  const problems: string[] = [];
  const files = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    : [];
  const actions = files.flatMap((f) => {
    try {
      const kept = JSON.parse(readFileSync(join(dir, f), 'utf8')) as WorkerLedger;
      problems.push(...(kept.unansweredScans ?? []).map(unanswered));
      return kept.actions;
    } catch (error) {
      problems.push(
        `${join(dir, f)} could not be read (${(error as Error).message.split('\n')[0]}): the actions of that worker are missing from ${TENANT_LEDGER_JSON}`,
      );
      return [];
    }
  });
  problems.push(...mayStillRun(actions as LedgerEntry[]));
  mkdirSync(reportsDir, { recursive: true });
  writeWhole(join(reportsDir, QUOTA_JSON), `${JSON.stringify(quota, null, 2)}\n`);
  writeWhole(join(reportsDir, TENANT_LEDGER_JSON), `${JSON.stringify({ runId, actions }, null, 2)}\n`);
  return problems;
}

// Each worker keeps the actions it created in a file of its own; the name says the run and the tenant,
// so that a run of two tenants (the self-test's rehearsals) reports each one's actions apart.
export const ACTION_LEDGER_DIR = 'tenant-ledger';

export function actionLedgerFile(resultsDir: string, runId: string, spec: TenantTarget, pid: number): string {
  return join(resultsDir, ACTION_LEDGER_DIR, `${actionLedgerPrefix(runId, spec)}${pid}.json`);
}

// A worker's ledger file, whole or not at all: the reports read it while another worker may write its own.
export function writeActionLedger(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeWhole(file, content);
}

// The ledger files this run's workers wrote for this tenant, with the process id of each writer.
export function runLedgerFiles(
  resultsDir: string,
  runId: string,
  spec: TenantTarget,
): { file: string; pid: number }[] {
  const dir = join(resultsDir, ACTION_LEDGER_DIR);
  const prefix = actionLedgerPrefix(runId, spec);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && /^\d+\.json$/.test(f.slice(prefix.length)))
    .map((f) => ({ file: join(dir, f), pid: Number(f.slice(prefix.length, -'.json'.length)) }));
}

function actionLedgerPrefix(runId: string, spec: TenantTarget): string {
  return `${runId}-${tenantKey(spec.apiBaseUrl, spec.tenantId)}-`;
}

interface WorkerLedger {
  actions: unknown[];
  // When each scan sent and never answered was sent (unanswered-scans.ts), while no look has found it.
  unansweredScans?: string[];
}

function unanswered(sentAt: string): string {
  return `a quick scan this run sent to MDE_MACHINE_ID at ${sentAt} got no answer (the exchange was lost, or its worker died) and no list of the device has shown it since: it may have started a scan that nothing cancelled; look for one with this run's id in its comment in the Defender portal`;
}

// An action of the run that nothing cancelled and that was last seen active (or not seen at all): its
// worker died with no other to take it over, or every cancel was lost. The run must not read as if it
// had cleaned up after itself.
function mayStillRun(actions: LedgerEntry[]): string[] {
  return actions
    .filter((a) => !a.cancelledBy && !(a.lastStatus && isFinal(a.lastStatus)))
    .map(
      (a) =>
        `action ${a.id} (${a.type} on ${a.machineId}), started by this run, was never cancelled (last seen ${a.lastStatus ?? 'never'}): it may still be running; cancel it in the Defender portal or let it end before the next run`,
    );
}
