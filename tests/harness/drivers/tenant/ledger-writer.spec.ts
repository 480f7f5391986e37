import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setAsideEarlierLedgers } from '../../../../src/harness/drivers/tenant/earlier-ledgers.ts';
import {
  actionLedgerFile,
  writeTenantReports,
} from '../../../../src/harness/drivers/tenant/tenant-reports.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';
import { tenantTarget } from '../../../helpers/tenant-target.ts';

test.afterEach(removeTempDirs);

// A killed run's worker id, handed out again to an unrelated process (CI containers reuse low ids):
// the earlier run's ledger was kept as a live run's, and this run reported that run's scan as its own,
// never cancelled (exit 2); a worker of this run would have cancelled it once the process ended.
const spec = tenantTarget({ allowWrites: true, machineId: 'a'.repeat(40) });
let holder: ChildProcess | undefined;
test.afterEach(() => void holder?.kill());

function earlierLedger(dir: string, pid: number, writtenAt: Date): string {
  const file = actionLedgerFile(dir, 'nightly', spec, pid);
  mkdirSync(dirname(file), { recursive: true });
  const action = {
    id: 'old-1',
    type: 'RunAntiVirusScan',
    machineId: spec.machineId,
    createdAt: '2026-01-01T00:00:00Z',
    lastStatus: 'Pending',
  };
  writeFileSync(file, JSON.stringify({ runId: 'nightly', actions: [action] }));
  utimesSync(file, writtenAt, writtenAt);
  return file;
}

test.describe('an earlier run whose worker id a live process holds now', () => {
  test.skip(process.platform !== 'linux', "a process's start is read from /proc");

  test('its ledger is set aside when that process started after the last write', async () => {
    holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    const dir = tempDir('ledger-writer-');
    const file = earlierLedger(dir, holder.pid!, new Date(Date.now() - 3_600_000));
    expect(setAsideEarlierLedgers(dir, 'nightly', new Date())).toEqual([
      expect.stringContaining(file.split('/').pop()!),
    ]);
    const reports = { resultsDir: dir, reportsDir: join(dir, 'reports') };
    expect(writeTenantReports('nightly', spec, reports)).toEqual([]);
  });

  test('its ledger is kept when that process may have written it (a run with the id going on beside)', async () => {
    holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    await new Promise((done) => setTimeout(done, 50));
    const dir = tempDir('ledger-writer-');
    earlierLedger(dir, holder.pid!, new Date());
    expect(setAsideEarlierLedgers(dir, 'nightly', new Date())).toEqual([]);
  });
});
