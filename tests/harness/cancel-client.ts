import type { TargetDriver } from '../../src/harness/drivers/target-driver.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import type { Exchange } from '../../src/harness/http/exchange.ts';

// For the specs of tests/fixtures/cancel-active.ts (cancel-active.spec.ts, ended-by-itself.spec.ts):
// the action, drivers of a mode, and a client that answers a cancel and a GET as told.
export const ID = 'eeeeeeee-0000-4000-8000-000000000007';
export const on = (mode: string) => ({ mode }) as unknown as TargetDriver;
// Only a tenant's actions finish by themselves: there a refusal may be one of a final state.
export const TENANT = on('tenant');

// A client whose cancel answers `cancelStatus` and whose GET shows the action in `shown`.
export function client(cancelStatus: number, shown: string, readStatus = 200) {
  const calls: string[] = [];
  const answer = (status: number, body: unknown) => ({ status, body }) as unknown as Exchange;
  const api = {
    cancel: async () => {
      calls.push('cancel');
      return answer(cancelStatus, { error: { code: 'BadRequest' } });
    },
    get: async () => {
      calls.push('get');
      return answer(
        readStatus,
        readStatus === 200 ? { id: ID, status: shown } : { error: { code: 'TooManyRequests' } },
      );
    },
  } as unknown as ApiClient;
  return { api, calls };
}
