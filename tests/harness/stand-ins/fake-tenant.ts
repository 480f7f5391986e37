import type { APIRequestContext } from '@playwright/test';
import type { TenantTarget } from '../../../src/harness/config/target-spec.ts';
import type { RealTime } from '../../../src/harness/drivers/tenant/real-time.ts';
import { TenantDriver } from '../../../src/harness/drivers/tenant/tenant-driver.ts';
import { TenantState } from '../../../src/harness/drivers/tenant/tenant-state.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';

// A tenant for the tenant driver's unit tests: it answers every call from a script and records what
// was sent; its clock is fake, so waits take no time and are recorded. Its specs remove its results
// directory with `test.afterEach(removeTempDirs)`.

export const RUN = 'run-interlocks';
// The device the fake tenant's scans run on, and the settings that let a run start them there.
export const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
export const WRITES = { machineId: MACHINE, allowWrites: true };
// No process has this id (Linux pids stay below 2^22): a ledger whose writer is gone.
export const DEAD_PID = 2_147_483_646;

export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  // The body as sent instead of `body` as JSON (a gateway's HTML page).
  text?: string;
}

export interface FakeClock extends RealTime {
  // Every sleep asked for, in milliseconds.
  readonly slept: number[];
}

export function fakeClock(startMs = Date.parse('2026-03-02T10:00:00.000Z')): FakeClock {
  let now = startMs;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

// `answer` gets the request's body as text too, for a tenant that echoes what it was sent.
export function fakeTenant(answer: (url: string, method: string, text?: string) => FakeAnswer) {
  const sent: string[] = [];
  const request = {
    fetch: async (url: string, options: { method: string; data?: Buffer }) => {
      sent.push(`${options.method} ${new URL(url).pathname}`);
      const { status, body, headers, text } = answer(url, options.method, options.data?.toString('utf8'));
      return {
        status: () => status,
        headers: () => ({ 'content-type': 'application/json', ...headers }),
        // No body at all for `undefined` (a gateway's bare 503).
        body: async () => Buffer.from(text ?? (body === undefined ? '' : JSON.stringify(body))),
        dispose: async () => {},
      };
    },
  } as unknown as APIRequestContext;
  return { request, sent };
}

export function tenant(
  overrides: Partial<TenantTarget>,
  answer: (url: string, method: string, text?: string) => FakeAnswer = () => ({ status: 404, body: {} }),
  clock: FakeClock = fakeClock(),
) {
  const spec = tenantTarget(overrides);
  const { request, sent } = fakeTenant(answer);
  const resultsDir = tempDir('tenant-');
  const state = new TenantState({
    spec,
    http: { request: async () => request, timeoutMs: 10_000 },
    runId: RUN,
    resultsDir,
    clock,
  });
  // No token endpoint in a unit test.
  state.token = async () => 'token';
  return { state, driver: new TenantDriver(state), sent, clock, resultsDir };
}

// The answer to a scan this run started (its Comment carries the run's tag), or anyone's.
export function scan(id: string, comment = `mde-conformance ${RUN}: quick scan to cancel`, status = 201) {
  return {
    status,
    body: {
      id,
      type: 'RunAntiVirusScan',
      status: 'Pending',
      requestorComment: comment,
      creationDateTimeUtc: '2026-01-01T00:00:00Z',
    },
  };
}
