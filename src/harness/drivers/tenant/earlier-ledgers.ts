import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { regexpEscape } from '../../../common/regexp-escape.ts';
import { ledgerWriterAlive } from './ledger-writer.ts';
import { ACTION_LEDGER_DIR } from './tenant-reports.ts';

// Where a run starting with the MDE_RUN_ID of an earlier one puts that run's action ledgers.
const EARLIER_LEDGERS_DIR = 'tenant-ledger-earlier';

// Called once as a run starts, before any worker: a ledger file in test-results/tenant-ledger/ is then
// always this run's. An earlier run with the same MDE_RUN_ID (a CI re-run, a fixed id) left its files
// there, and their writers are gone: the new run's first worker took them for a dead worker's of its
// own, cancelled that run's scan and listed its actions as its own (proved on the tenant rehearsal:
// SIGKILL of a run after its scan, then a run with the same MDE_RUN_ID). Moved aside, not deleted:
// they are the only record of what a killed run started. A file whose writer still runs (a run with
// the same id going on beside this one) stays, as the take-over leaves it. Answers the files moved.
export function setAsideEarlierLedgers(
  resultsDir: string,
  runId: string,
  now: Date,
  isAlive: (pid: number, file: string) => boolean = ledgerWriterAlive,
): string[] {
  const dir = join(resultsDir, ACTION_LEDGER_DIR);
  if (!existsSync(dir)) return [];
  const earlier = readdirSync(dir).filter((f) => {
    // A run id holds letters, digits, '.', '_' and '-' (docs/interfaces.md): only '.' means more.
    const pid = new RegExp(`^${regexpEscape(runId)}-[0-9a-f]{10}-(\\d+)\\.json$`).exec(f)?.[1];
    return pid !== undefined && !isAlive(Number(pid), join(dir, f));
  });
  if (earlier.length === 0) return [];
  const aside = join(resultsDir, EARLIER_LEDGERS_DIR, now.toISOString().replace(/[:.]/g, '-'));
  mkdirSync(aside, { recursive: true });
  return earlier.map((f) => {
    renameSync(join(dir, f), join(aside, f));
    return join(aside, f);
  });
}
