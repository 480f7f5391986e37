import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';

// What the independent emulator's own tests set up through its control protocol: a tenant with one app
// (Machine.Scan and Machine.Read.All), one device and a Pending scan on it, and the token request.
const SCOPE = 'https://api.securitycenter.microsoft.com/.default';

export async function post(url: string, body: unknown, authorization?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
}

export interface PendingScan {
  tenantId: string;
  app: { tenantId: string; clientId: string; clientSecret: string };
  id: string;
  // The answer of the token endpoint for the app, unread.
  tokenAnswer: Response;
}

export async function pendingScan(url: string, machineId: string): Promise<PendingScan> {
  const tenantId = randomUUID();
  const app = { tenantId, clientId: randomUUID(), clientSecret: 'not-a-real-secret' };
  expect(
    (await post(`${url}/_emulator/apps`, { ...app, roles: ['Machine.Scan', 'Machine.Read.All'] })).status,
  ).toBe(201);
  expect(
    (await post(`${url}/_emulator/machines`, { tenantId, id: machineId, computerDnsName: 'pc.test' })).status,
  ).toBe(201);
  const seeded = await post(`${url}/_emulator/machineactions`, {
    tenantId,
    machineId,
    type: 'RunAntiVirusScan',
    status: 'Pending',
  });
  expect(seeded.status).toBe(201);
  const { id } = (await seeded.json()) as { id: string };
  const tokenAnswer = await fetch(`${url}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      scope: SCOPE,
    }),
  });
  return { tenantId, app, id, tokenAnswer };
}
