import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { isWellFormedId } from '../state/machine-action.ts';

// The refusal the auth policy puts before authentication, when it does (lookupBeforeMissingHeader): a
// call without Authorization whose well-formed id no tenant holds is answered 404, as by a route that
// looks the action up first. Undefined when authentication goes first, as the contract has it.
export function lookupBeforeAuth(
  ctx: EmulatorContext,
  request: FastifyRequest,
  operationId: string,
  header: string | undefined,
): WireError | undefined {
  if (header || !ctx.faults.auth.lookupBeforeMissingHeader.includes(operationId)) return undefined;
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || !isWellFormedId(id) || ctx.state.actions.findAnywhere(id)) return undefined;
  return new WireError('NotFound', `Machine action ${id} was not found.`);
}
