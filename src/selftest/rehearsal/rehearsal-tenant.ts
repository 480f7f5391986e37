// The "tenant-shaped" part of the self-test: the suite in tenant mode against a reference emulator
// over HTTPS that has no control protocol (it plays a real tenant and Entra ID), signing in once with
// certificates (read-only) and once with a federated token (writes allowed). Afterwards the
// emulator's state is read back through the API to check what the suite did.
import { request } from 'node:https';
import { DEFAULT_SCOPE } from '../../contract/index.ts';
import type { Seed } from '../../emulator/index.ts';
import type { RehearsalIdentity } from './rehearsal-identity.ts';

const REHEARSAL_TENANT = '6d4c1a2e-0b7f-4a55-9c1e-3f2a8b9d7e10';
const REHEARSAL_MACHINE = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

export type SignIn = 'certificate' | 'federated';

// What a tenant has before the suite runs: the apps the user configured, one device, and actions in
// every final state for the read-only final-state tests to find.
export function rehearsalSeed(identity: RehearsalIdentity): Seed {
  const tenantId = REHEARSAL_TENANT;
  const federatedCredentials = [identity.federatedCredential];
  const finals = ['Succeeded', 'Failed', 'Cancelled', 'TimeOut'];
  return {
    apps: [
      {
        tenantId,
        clientId: identity.operator.clientId,
        certificate: identity.operator.certificatePem,
        federatedCredentials,
        roles: ['Machine.Scan', 'Machine.Read.All'],
      },
      {
        tenantId,
        clientId: identity.limited.clientId,
        certificate: identity.limited.certificatePem,
        federatedCredentials,
        roles: ['Machine.Read.All'],
      },
      { tenantId, ...identity.auditor, roles: ['Machine.Read.All'] },
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

// The environment of a tenant-mode run against `url`, as a user would set it: no secret. Every MDE_
// variable is set explicitly so that a developer's .env (which may hold a real tenant) never takes
// part in the self-test.
export function rehearsalEnv(
  url: string,
  identity: RehearsalIdentity,
  signIn: SignIn,
  writes: boolean,
): Record<string, string> {
  const credentials: Record<string, string> =
    signIn === 'certificate'
      ? {
          MDE_CLIENT_CERTIFICATE_PATH: identity.operator.certificateFile,
          MDE_LIMITED_CLIENT_CERTIFICATE_PATH: identity.limited.certificateFile,
        }
      : { MDE_FEDERATED_TOKEN_FILE: identity.federatedTokenFile };
  return {
    MDE_TARGET: 'tenant',
    MDE_API_BASE_URL: url,
    MDE_AUTH_BASE_URL: url,
    MDE_TENANT_ID: REHEARSAL_TENANT,
    MDE_CREDENTIAL: signIn,
    MDE_CLIENT_ID: identity.operator.clientId,
    MDE_LIMITED_CLIENT_ID: identity.limited.clientId,
    ...credentials,
    MDE_MACHINE_ID: REHEARSAL_MACHINE,
    MDE_ALLOW_WRITES: String(writes),
    MDE_ALLOW_THROTTLING: 'false',
    MDE_ALLOW_HOUR_THROTTLING: 'false',
    // Read-only at the default share, as a user runs it first: a run that outgrew the share's minute
    // waits it out here, in the self-test's slowest test. With writes the emulator is the whole tenant,
    // and the run may use all of its quota.
    MDE_QUOTA_SHARE: writes ? '1' : '0.5',
  };
}

export interface ListedAction {
  id: string;
  status: string;
  requestor?: string;
}

// Reads every action of the rehearsal tenant as the auditor app, trusting the emulator's certificate.
export async function listTenantActions(
  url: string,
  identity: RehearsalIdentity,
  ca: string,
): Promise<ListedAction[]> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: identity.auditor.clientId,
    client_secret: identity.auditor.clientSecret,
    scope: DEFAULT_SCOPE,
  }).toString();
  const token = await json(`${url}/${REHEARSAL_TENANT}/oauth2/v2.0/token`, ca, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const list = await json(`${url}/api/machineactions?$top=10000`, ca, {
    headers: { authorization: `Bearer ${(token as { access_token: string }).access_token}` },
  });
  return (list as { value: ListedAction[] }).value;
}

function json(
  url: string,
  ca: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers ?? {}, ca }, (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () =>
        (res.statusCode ?? 0) < 300
          ? resolve(JSON.parse(text))
          : reject(new Error(`${init.method ?? 'GET'} ${new URL(url).pathname} answered ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
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
