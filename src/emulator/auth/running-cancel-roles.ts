import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { settle } from '../state/lifecycle.ts';
import type { Caller } from './caller.ts';

// The role check of a cancel whose action is running, as the auth policy may make it apart (a running
// action's cancel handed to its device by a channel of its own). The contract: as any cancel's.

// Whether the caller's action this cancel names is in one of `statuses` now.
export function namesActionIn(
  ctx: EmulatorContext,
  request: FastifyRequest,
  caller: Caller,
  statuses: readonly string[],
): boolean {
  if (statuses.length === 0) return false;
  const id = (request.params as { id?: unknown }).id;
  const action = typeof id === 'string' ? ctx.state.actions.get(caller.tenantId, id) : undefined;
  return action !== undefined && statuses.includes(settle(action, ctx.clock.now()).status);
}

// Whether the policy lets this cancel past the role check: a channel whose guard only authenticates
// (unroledCancelStatuses), or a type whose handler checks no role (roleCheckedOnlyForType).
export function roleCheckSkipped(ctx: EmulatorContext, request: FastifyRequest, caller: Caller): boolean {
  return (
    namesActionIn(ctx, request, caller, ctx.faults.auth.unroledCancelStatuses) ||
    namesActionOfOtherType(ctx, request, caller, ctx.faults.auth.roleCheckedOnlyForType)
  );
}

// Whether the caller's action this cancel names is of another type than `type` (false when type is null).
export function namesActionOfOtherType(
  ctx: EmulatorContext,
  request: FastifyRequest,
  caller: Caller,
  type: string | null,
): boolean {
  if (type === null) return false;
  const id = (request.params as { id?: unknown }).id;
  const action = typeof id === 'string' ? ctx.state.actions.get(caller.tenantId, id) : undefined;
  return action !== undefined && action.type !== type;
}

// The roles this cancel needs: `roles`, or the policy's runningCancelRoles for a running action (a
// channel that asks for the role of the scan it stops, whichever action role the caller holds).
export function cancelRolesFor(
  ctx: EmulatorContext,
  request: FastifyRequest,
  caller: Caller,
  roles: readonly string[],
): readonly string[] {
  const running = ctx.faults.auth.runningCancelRoles;
  return running.length > 0 && namesActionIn(ctx, request, caller, ['InProgress']) ? running : roles;
}
