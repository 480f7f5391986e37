import type { Caller } from '../auth/caller.ts';
import type { EmulatorContext } from '../context.ts';
import { settle } from '../state/lifecycle.ts';
import type { MachineAction } from '../state/machine-action.ts';
import type { StorePolicy } from '../state/store-policy.ts';
import type { Outcome } from './outcome.ts';

// Statuses in which an operation's lookup finds another tenant's action, by the store policy.
const FOREIGN_STATUSES: Record<string, (store: StorePolicy) => readonly string[]> = {
  CancelMachineAction: (store) => store.crossTenantCancelStatuses,
  GetMachineAction: (store) => store.crossTenantGetStatuses,
};

// The one type whose actions an operation checks the tenant of, by the store policy (null: every type).
const ONLY_TYPE: Record<string, (store: StorePolicy) => string | null> = {
  CancelMachineAction: (store) => store.cancelTenantCheckedOnlyFor,
  GetMachineAction: (store) => store.getTenantCheckedOnlyFor,
};

// The caller's action with this id, caught up with the clock at `nowMs` (when the call arrived);
// undefined when its tenant has none. The store policy may let an operation's lookup find other
// tenants' actions too.
export function findAction(
  ctx: EmulatorContext,
  caller: Caller,
  id: string,
  operationId: string,
  nowMs: number,
  store: StorePolicy = ctx.faults.store,
): MachineAction | undefined {
  const anywhere =
    caller.anonymous ||
    store.crossTenant.includes(operationId) ||
    (store.crossTenantUnloweredIds && id !== id.toLowerCase());
  const action = anywhere ? ctx.state.actions.findAnywhere(id) : ctx.state.actions.get(caller.tenantId, id);
  const foreignStatuses = FOREIGN_STATUSES[operationId]?.(store) ?? [];
  // The store policy may let a cancel or a GET find another tenant's action of any type but one.
  const onlyType = ONLY_TYPE[operationId]?.(store) ?? null;
  if (!action && onlyType !== null) {
    const foreign = ctx.state.actions.findAnywhere(id);
    if (foreign && foreign.type !== onlyType) return settle(foreign, nowMs);
  }
  // The store policy may let a GET or a cancel find another tenant's action once it is old enough.
  const agedMs = store.crossTenantAfterMs[operationId] ?? 0;
  if (!action && agedMs > 0) {
    const foreign = ctx.state.actions.findAnywhere(id);
    if (foreign && nowMs - foreign.creationMs > agedMs) return settle(foreign, nowMs);
  }
  if (action || foreignStatuses.length === 0) return action && settle(action, nowMs);
  // The store policy may let a cancel or a GET find another tenant's action in some statuses.
  const foreign = ctx.state.actions.findAnywhere(id);
  const settled = foreign && settle(foreign, nowMs);
  return settled && foreignStatuses.includes(settled.status) ? settled : undefined;
}

// A well-formed id the caller cannot see; `elsewhere` tells "unknown" from "someone else's".
export function notFound(ctx: EmulatorContext, id: string): Extract<Outcome, { kind: 'not-found' }> {
  return { kind: 'not-found', id, elsewhere: ctx.state.actions.findAnywhere(id) !== undefined };
}
