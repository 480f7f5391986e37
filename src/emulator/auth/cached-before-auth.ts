import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import type { MachineAction } from '../state/machine-action.ts';
import type { Caller } from './caller.ts';

// A response cache in front of the guard, as the auth policy may place one (cachedBeforeAuth): the
// first caller served an action is kept with it, and a later call of the same path under /api is
// answered as that caller was, whoever sends it. Keyed by the stored action, so every emulator keeps
// its own and a forgotten action frees its entry.
const firstReaders = new WeakMap<MachineAction, Caller>();

function cached(ctx: EmulatorContext, request: FastifyRequest, operationId: string, versioned: boolean) {
  if (versioned || !ctx.faults.auth.cachedBeforeAuth.includes(operationId)) return undefined;
  const id = (request.params as { id?: unknown }).id;
  return typeof id === 'string' ? ctx.state.actions.findAnywhere(id) : undefined;
}

// The caller a cached answer was made for, when the cache holds this call's path; undefined otherwise.
export function cachedReader(
  ctx: EmulatorContext,
  request: FastifyRequest,
  operationId: string,
  versioned: boolean,
): Caller | undefined {
  const action = cached(ctx, request, operationId, versioned);
  return action && firstReaders.get(action);
}

// Keeps `caller`, admitted by the guard, as the one the cache answers for when it reads its own action.
export function rememberReader(
  ctx: EmulatorContext,
  request: FastifyRequest,
  operationId: string,
  versioned: boolean,
  caller: Caller,
): void {
  const action = cached(ctx, request, operationId, versioned);
  if (action && action.tenantId === caller.tenantId && !firstReaders.has(action))
    firstReaders.set(action, caller);
}
