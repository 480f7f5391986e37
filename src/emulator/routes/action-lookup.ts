import type { Caller } from '../auth/token-verifier.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { settle } from '../state/lifecycle.ts';
import { isWellFormedId, type MachineAction } from '../state/machine-action.ts';

// The caller's action with this id, caught up with the clock; undefined when its tenant has none.
// `leak` (a tenant-leak fault) also finds other tenants' actions.
export function findAction(
  ctx: EmulatorContext,
  caller: Caller,
  id: string,
  leak = false,
): MachineAction | undefined {
  const action =
    caller.anonymous || leak
      ? ctx.state.actions.findAnywhere(id)
      : ctx.state.actions.get(caller.tenantId, id);
  return action && settle(action, ctx.clock.now());
}

// True when no tenant at all holds the id: faults on "unknown id" act only then, so that they do
// not also change what another tenant's id answers (CANCEL.TENANT).
export function unknownEverywhere(ctx: EmulatorContext, id: string): boolean {
  return ctx.state.actions.findAnywhere(id) === undefined;
}

// U5: the code of the 404 is the profile's notFoundCode.
export function notFound(ctx: EmulatorContext, id: string): WireError {
  return new WireError(ctx.profile.notFoundCode, `Machine action ${id} was not found.`);
}

// U5: a malformed id answers 400 InvalidInput or 404, per profile malformedId.
export function checkWellFormed(ctx: EmulatorContext, id: string): void {
  if (isWellFormedId(id)) return;
  if (ctx.profile.malformedId === 400)
    throw new WireError('InvalidInput', `Invalid input ${id}: a machine action id is a GUID.`);
  throw notFound(ctx, id);
}
