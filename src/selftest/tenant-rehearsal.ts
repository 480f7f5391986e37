// The "tenant-shaped" part of the self-test: the suite in tenant mode against a reference emulator
// that has no control protocol (it plays a real tenant), once read-only and once with writes allowed.
// Afterwards the emulator's own state is read back through the API to check what the suite did.
import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_SCOPE } from '../contract/index.ts';
import type { Seed } from '../emulator/index.ts';

export const REHEARSAL_TENANT = '6d4c1a2e-0b7f-4a55-9c1e-3f2a8b9d7e10';
export const REHEARSAL_MACHINE = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

export interface RehearsalApps {
  operator: { clientId: string; clientSecret: string };
  limited: { clientId: string; clientSecret: string };
}

export function rehearsalApps(): RehearsalApps {
  const app = () => ({ clientId: randomUUID(), clientSecret: randomBytes(18).toString('base64url') });
  return { operator: app(), limited: app() };
}

// What a tenant has before the suite runs: the apps the user configured, one device, and actions in
// every final state for the read-only final-state tests to find.
export function rehearsalSeed(apps: RehearsalApps): Seed {
  const tenantId = REHEARSAL_TENANT;
  const finals = ['Succeeded', 'Failed', 'Cancelled', 'TimeOut'];
  return {
    apps: [
      { tenantId, ...apps.operator, roles: ['Machine.Scan', 'Machine.Read.All'] },
      { tenantId, ...apps.limited, roles: ['Machine.Read.All'] },
    ],
    machines: [{ tenantId, id: REHEARSAL_MACHINE, computerDnsName: 'rehearsal-device' }],
    actions: finals.map((status) => ({
      tenantId,
      machineId: REHEARSAL_MACHINE,
      type: 'RunAntiVirusScan',
      status,
      requestor: 'someone-else@contoso.example',
      requestorComment: 'left by a person, not by the suite',
    })),
  };
}

// The environment of a tenant-mode run against `url`. Every MDE_ variable is set explicitly so that a
// developer's .env (which may hold a real tenant) never takes part in the self-test.
export function rehearsalEnv(url: string, apps: RehearsalApps, writes: boolean): Record<string, string> {
  return {
    MDE_TARGET: 'tenant',
    MDE_API_BASE_URL: url,
    MDE_AUTH_BASE_URL: url,
    MDE_TENANT_ID: REHEARSAL_TENANT,
    MDE_CLIENT_ID: apps.operator.clientId,
    MDE_CLIENT_SECRET: apps.operator.clientSecret,
    MDE_LIMITED_CLIENT_ID: apps.limited.clientId,
    MDE_LIMITED_CLIENT_SECRET: apps.limited.clientSecret,
    MDE_MACHINE_ID: REHEARSAL_MACHINE,
    MDE_ALLOW_WRITES: String(writes),
    MDE_ALLOW_THROTTLING: 'false',
    MDE_ALLOW_HOUR_THROTTLING: 'false',
    // The rehearsal emulator is the whole tenant: the run may use all of its quota.
    MDE_QUOTA_SHARE: '1',
  };
}

interface ListedAction {
  id: string;
  status: string;
  requestor?: string;
}

// Reads every action of the rehearsal tenant with the operator's own credentials.
export async function listTenantActions(url: string, apps: RehearsalApps): Promise<ListedAction[]> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: apps.operator.clientId,
    client_secret: apps.operator.clientSecret,
    scope: DEFAULT_SCOPE,
  });
  const tokenRes = await fetch(`${url}/${REHEARSAL_TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    body: form,
  });
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const res = await fetch(`${url}/api/machineactions?$top=10000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`listing the rehearsal tenant's actions answered ${res.status}`);
  return ((await res.json()) as { value: ListedAction[] }).value;
}

export interface RehearsalCheck {
  ok: boolean;
  detail: string;
}

// Read-only: the suite created nothing. With writes: it created something and left nothing running.
export function judgeRehearsal(writes: boolean, seeded: number, actions: ListedAction[]): RehearsalCheck {
  const created = actions.length - seeded;
  const running = actions.filter((a) => a.status === 'Pending' || a.status === 'InProgress');
  if (!writes)
    return created === 0
      ? { ok: true, detail: 'created no action' }
      : { ok: false, detail: `created ${created} action(s) although MDE_ALLOW_WRITES was false` };
  if (created === 0) return { ok: false, detail: 'created no action although MDE_ALLOW_WRITES was true' };
  return running.length === 0
    ? { ok: true, detail: `created ${created} action(s), every one cancelled or finished at teardown` }
    : {
        ok: false,
        detail: `left ${running.length} action(s) running: ${running.map((a) => a.id).join(', ')}`,
      };
}
