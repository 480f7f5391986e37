import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller.ts';
import type { EmulatorContext } from '../context.ts';
import { isWellFormedId } from '../state/machine-action.ts';
import { findAction, notFound } from './action-lookup.ts';
import type { Outcome } from './outcome.ts';

// GET /api/machineactions/{id}
export function getHandler(ctx: EmulatorContext) {
  return function get(request: FastifyRequest<{ Params: { id: string } }>, caller: Caller): Outcome {
    const { id } = request.params;
    if (!isWellFormedId(id)) return { kind: 'malformed', id };
    const action = findAction(ctx, caller, id, 'GetMachineAction', request.receivedAtMs);
    return action ? { kind: 'found', action } : notFound(ctx, id);
  };
}
