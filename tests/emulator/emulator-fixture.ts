import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { decodeJwt } from 'jose';
import { DEFAULT_SCOPE, getContract } from '../../src/contract/index.ts';
import { buildApp, type EmulatorOptions } from '../../src/emulator/index.ts';
import { test as base, expect } from '../helpers/api-test.ts';
import { testKeys } from './test-keys.ts';

// An emulator per test, driven with inject() on a pinned clock (real time does not move unless the
// test advances it), and a small client that checks every API answer against the contract. The
// emulators of a process share one signing key (test-keys.ts).

export const TENANT = '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01';
export const OTHER_TENANT = '0f3e2d1c-0b1c-4c1e-9a55-2f0e3b1c4d02';
export const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
export const START_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
// The roles any one of which may cancel, as the contract lists them.
export const ACTION_ROLES = [...getContract().operation('CancelMachineAction').roles];
export const ALL_ROLES = [...ACTION_ROLES, 'Machine.Read.All'];
const SCOPE = DEFAULT_SCOPE;

export interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  // An object is sent as JSON; a string is sent as it is.
  body?: unknown;
  // Skip the contract check (faults that break it on purpose).
  unchecked?: boolean;
}

export class Emu {
  #apps = 0;

  constructor(readonly app: FastifyInstance) {}

  get clock() {
    return this.app.emulator.clock;
  }

  async control(method: 'GET' | 'POST', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url: `/_emulator${url}`,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }

  async advance(seconds: number): Promise<void> {
    const res = await this.control('POST', '/clock/advance', { seconds });
    expect(res.statusCode).toBe(200);
  }

  // Registers an app with these roles in the tenant and returns a token for it. A `clientId` given
  // twice, in two tenants, is one multi-tenant app consented in both.
  async token(
    roles: string[] = ALL_ROLES,
    options: { tenantId?: string; scope?: string; clientId?: string } = {},
  ): Promise<string> {
    const tenantId = options.tenantId ?? TENANT;
    const clientId = options.clientId ?? `app-${++this.#apps}`;
    const reg = await this.control('POST', '/apps', { tenantId, clientId, clientSecret: 's3cret', roles });
    expect(reg.statusCode).toBe(201);
    const res = await this.requestToken(tenantId, {
      client_id: clientId,
      client_secret: 's3cret',
      scope: options.scope ?? SCOPE,
    });
    expect(res.statusCode).toBe(200);
    return res.json().access_token as string;
  }

  // A fresh token for the same app (after the clock moved past an old one's expiry).
  async renew(token: string): Promise<string> {
    const { tid, appid } = decodeJwt(token) as { tid: string; appid: string };
    const res = await this.requestToken(tid, { client_id: appid, client_secret: 's3cret', scope: SCOPE });
    return res.json().access_token as string;
  }

  async requestToken(tenantId: string, fields: Record<string, string>, grantType = 'client_credentials') {
    const form = new URLSearchParams({ grant_type: grantType, ...fields }).toString();
    return this.app.inject({
      method: 'POST',
      url: `/${tenantId}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form,
    });
  }

  async machine(id = MACHINE, tenantId = TENANT): Promise<void> {
    const res = await this.control('POST', '/machines', {
      tenantId,
      id,
      computerDnsName: `${id.slice(0, 6)}.contoso.example`,
    });
    expect(res.statusCode).toBe(201);
  }

  // Seeds an action in any status and returns its wire form.
  async seed(status: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const res = await this.control('POST', '/machineactions', {
      tenantId: TENANT,
      machineId: MACHINE,
      type: 'RunAntiVirusScan',
      status,
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  async call(method: string, url: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] ??= `Bearer ${options.token}`;
    let payload: string | undefined;
    if (typeof options.body === 'string') payload = options.body;
    else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    if (!options.unchecked) expectConforming(method, url, res);
    return res;
  }

  cancel(
    id: string,
    token: string,
    body: unknown = { Comment: 'cancelled by test' },
    options: CallOptions = {},
  ) {
    return this.call('POST', `/api/machineactions/${id}/cancel`, { token, body, ...options });
  }

  get(id: string, token: string, options: CallOptions = {}) {
    return this.call('GET', `/api/machineactions/${id}`, { token, ...options });
  }

  scan(token: string, machineId = MACHINE, options: CallOptions = {}) {
    return this.call('POST', `/api/machines/${machineId}/runAntiVirusScan`, {
      token,
      body: { Comment: 'scan by test', ScanType: 'Quick' },
      ...options,
    });
  }
}

// Every answer of a contract operation validates against the contract, and is JSON. (Plain checks
// first: thousands of expect() calls make the rate-limit tests slow.)
function expectConforming(method: string, url: string, res: LightMyRequestResponse): void {
  const found = getContract().findOperation(method, url);
  if (!found || res.statusCode === 204) return;
  const check = getContract().validateResponse(found.operation.operationId, res.statusCode, res.json());
  const isJson = String(res.headers['content-type']).startsWith('application/json');
  if (check.valid && isJson) return;
  expect(check.violations, `${method} ${url} -> ${res.statusCode} ${res.body.slice(0, 300)}`).toEqual([]);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
}

export function errorCode(res: LightMyRequestResponse): string | undefined {
  return (res.json() as { error?: { code?: string } }).error?.code;
}

export const test = base.extend<{ emulatorOptions: EmulatorOptions; emu: Emu }>({
  emulatorOptions: [{}, { option: true }],
  emu: async ({ emulatorOptions }, use) => {
    const app = await buildApp(emulatorOptions, {
      ...(await testKeys()),
      timeSource: { now: () => START_MS },
    });
    await use(new Emu(app));
    await app.close();
  },
});

export { expect };
