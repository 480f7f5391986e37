import type { APIRequestContext } from '@playwright/test';
import type { RecordMode } from '../http/recorder.ts';
import type { TargetPlan } from '../run/run-plan.ts';
import { AbsentEndpoints } from './emulator/absent-endpoints.ts';
import { createEmulatorRuntime } from './emulator/emulator-runtime.ts';
import type { TargetRuntime } from './target-driver.ts';

export interface RuntimeContext {
  request: () => Promise<APIRequestContext>;
  runId: string;
  requestTimeoutMs: number;
  exchanges: RecordMode;
  // test-results/: the quota ledger and the per-worker action ledgers of a tenant run live there.
  resultsDir: string;
  // The emulator of this worker: an embedded one it started itself, or the one of its slot among an
  // emulator target's `slots`.
  embedded?: { url: string; ca?: string };
}

// The tenant driver is loaded only for a tenant: its sign-in modules cost a worker a quarter second to
// load, which emulator runs never use.
export async function createRuntime(target: TargetPlan, ctx: RuntimeContext): Promise<TargetRuntime> {
  const { spec } = target;
  const http = { request: ctx.request, timeoutMs: ctx.requestTimeoutMs, exchanges: ctx.exchanges };
  switch (spec.mode) {
    case 'embedded': {
      if (!ctx.embedded) throw new Error('The embedded target needs the address of its emulator.');
      const { url, ca } = ctx.embedded;
      return createEmulatorRuntime({
        spec,
        http: { ...http, ...(ca ? { ca } : {}) },
        apiBaseUrl: url,
        authBaseUrl: url,
        controlBaseUrl: url,
        runId: ctx.runId,
      });
    }
    case 'emulator': {
      // An emulator per worker slot answers everything on its one origin.
      const slot = ctx.embedded?.url;
      return createEmulatorRuntime({
        spec,
        http,
        apiBaseUrl: slot ?? spec.apiBaseUrl,
        authBaseUrl: slot ?? spec.authBaseUrl ?? spec.apiBaseUrl,
        controlBaseUrl: slot ?? spec.controlBaseUrl ?? spec.apiBaseUrl,
        runId: ctx.runId,
        absent: new AbsentEndpoints(ctx.resultsDir, ctx.runId, target.name),
      });
    }
    case 'tenant': {
      const { createTenantRuntime } = await import('./tenant/tenant-runtime.ts');
      return createTenantRuntime({ spec, http, runId: ctx.runId, resultsDir: ctx.resultsDir });
    }
  }
}
