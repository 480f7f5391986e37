import type { TargetRuntime } from '../target-driver.ts';
import { adoptAbandoned } from './abandoned-actions.ts';
import { TenantDriver } from './tenant-driver.ts';
import { type TenantRuntimeOptions, TenantState } from './tenant-state.ts';

// The tenant target: one TenantState per worker (tokens, what this run created, the quota ledger,
// the interlocks, the clock), and a TenantDriver per test over it.
export function createTenantRuntime(options: TenantRuntimeOptions): TargetRuntime {
  const state = new TenantState(options);
  return {
    spec: options.spec,
    apiBaseUrl: options.spec.apiBaseUrl,
    newDriver: () => new TenantDriver(state),
    close: async () => {
      // A last sweep for anything a crashed test (or a worker that died) left running; no test follows
      // it, so it does not wait.
      if (!state.abandonedTaken) adoptAbandoned(state);
      await new TenantDriver(state, [...state.created.keys()], false).teardown();
      state.writeLedger();
    },
  };
}
