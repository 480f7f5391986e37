import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { getContract } from '../../../contract/index.ts';
import type { CredentialSpec } from '../../config/credential-spec.ts';
import type { TenantTarget } from '../../config/target-spec.ts';
import { tenantKey } from '../../config/tenant-key.ts';
import { QuotaLedger, type QuotaReport } from './quota-ledger.ts';
import type { RealTime } from './real-time.ts';

// The quota ledger of a tenant run: one file under test-results/ that the preflight, every worker and
// the closing report share (reports/quota.json is written from it).
export const QUOTA_LEDGER_FILE = 'quota-ledger.json';

export function tenantQuotaLedger(
  spec: TenantTarget,
  runId: string,
  resultsDir: string,
  clock?: RealTime,
): QuotaLedger {
  return new QuotaLedger({
    file: join(resultsDir, QUOTA_LEDGER_FILE),
    runId,
    share: spec.quotaShare,
    scope: spec.quotaScope,
    limitOf: (operationId) => getContract().rateLimit(operationId),
    ...(clock ? { clock } : {}),
  });
}

// The ledger counts per app of a tenant on a host: the label (what reports show), a short hash of the
// app on the tenant and host, and one of the tenant and host alone, so a run against another tenant or
// with another app does not inherit this one's windows, and a tenant's apps are summed together
// (sameTenant below).
export function quotaKeyOf(spec: TenantTarget, label: string, app: CredentialSpec): string {
  return `${label}#${appHash(spec, app)}#${tenantHash(spec)}`;
}

// Whether a ledger key is of an app of this tenant on this host. A key without the tenant's hash was
// written before keys carried it: counted, as the conservative reading.
export function sameTenant(spec: TenantTarget): (callerKey: string) => boolean {
  const mine = tenantHash(spec);
  return (key) => {
    const tenant = key.split('#')[2];
    return tenant === undefined || tenant === mine;
  };
}

// The quota this run spent on one tenant, from the ledger's rows of that tenant's apps only: the
// self-test's two rehearsals share one ledger file.
export function tenantQuotaReport(spec: TenantTarget, runId: string, resultsDir: string): QuotaReport {
  const { operator, limited, roles } = spec.credentials;
  const apps = [operator, limited, ...Object.values(roles)].filter((app) => app !== undefined);
  const hashes = new Set(apps.map((app) => appHash(spec, app)));
  return tenantQuotaLedger(spec, runId, resultsDir).report((key) => hashes.has(key.split('#')[1] ?? ''));
}

function appHash(spec: TenantTarget, app: CredentialSpec): string {
  const hash = createHash('sha256')
    .update(`${new URL(spec.apiBaseUrl).host}|${spec.tenantId}|${clientIdOf(app)}`)
    .digest('hex');
  return hash.slice(0, 10);
}

function tenantHash(spec: TenantTarget): string {
  return tenantKey(spec.apiBaseUrl, spec.tenantId);
}

// The default credential chain may not say which app it is: the ledger then keys by the kind.
function clientIdOf(spec: CredentialSpec): string {
  return spec.clientId ?? spec.kind;
}
