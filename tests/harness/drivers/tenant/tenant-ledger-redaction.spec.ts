import { readFileSync } from 'node:fs';
import { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import {
  actionLedgerFile,
  writeTenantReports,
} from '../../../../src/harness/drivers/tenant/tenant-reports.ts';
import { registerSecret } from '../../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';
import { RUN, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// The action ledger keeps what the target answered for each scan the run started (its type, its last
// status), and reports/tenant-ledger.json is written from it as it stands. A target that reflected the
// bearer token it was sent into those members (a tenant rehearsed on loopback, a proxy in front of one)
// had it written into both files, where only the leak scan found it afterwards.
const TOKEN = 'opaque_ledger-token-5Kp2w8';

test('the action ledger and tenant-ledger.json hold no token a target reflected into an action', async () => {
  registerSecret(TOKEN);
  const id = 'aaaaaaaa-0000-4000-8000-000000000001';
  const reflected = { ...scan(id).body, type: `RunAntiVirusScan ${TOKEN}`, status: `Pending ${TOKEN}` };
  const { state } = tenant(WRITES, () => ({
    status: 201,
    body: reflected,
  }));
  await new TenantDriver(state).activeAction().catch(() => undefined);
  const { resultsDir, spec } = state.options;
  const kept = readFileSync(actionLedgerFile(resultsDir, RUN, spec, process.pid), 'utf8');
  expect(kept).toContain(id);
  expect(kept).not.toContain(TOKEN);
  const reportsDir = tempDir('tenant-reports-');
  writeTenantReports(RUN, spec, { resultsDir, reportsDir });
  const report = readFileSync(`${reportsDir}/tenant-ledger.json`, 'utf8');
  expect(report).toContain(id);
  expect(report).not.toContain(TOKEN);
});
