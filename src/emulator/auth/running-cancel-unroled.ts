import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { settle } from '../state/lifecycle.ts';
import type { Caller } from './token-verifier.ts';

// Whether the auth policy lets this cancel past the role check (unroledCancelStatuses): the caller's
// action it names is in one of those statuses, as when a running action's cancel is handed to its
// device by a channel whose guard only authenticates. The contract: never.
export function roleCheckSkipped(ctx: EmulatorContext, request: FastifyRequest, caller: Caller): boolean {
  const statuses = ctx.faults.auth.unroledCancelStatuses;
  if (statuses.length === 0) return false;
  const id = (request.params as { id?: unknown }).id;
  const action = typeof id === 'string' ? ctx.state.actions.get(caller.tenantId, id) : undefined;
  return action !== undefined && statuses.includes(settle(action, ctx.clock.now()).status);
}
