import type { FastifyRequest } from 'fastify';
import { isFinal } from '../../contract/index.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { settle } from '../state/lifecycle.ts';
import { isWellFormedId } from '../state/machine-action.ts';

// The refusal the auth policy puts before authentication, when it does: a call without Authorization
// whose well-formed id no tenant holds is answered 404, as by a route that looks the action up first
// (lookupBeforeMissingHeader), or one whose action is final 400, as by one that checks its state first
// (stateBeforeMissingHeader). Undefined when authentication goes first, as the contract has it.
export function lookupBeforeAuth(
  ctx: EmulatorContext,
  request: FastifyRequest,
  operationId: string,
  header: string | undefined,
): WireError | undefined {
  const { lookupBeforeMissingHeader, stateBeforeMissingHeader } = ctx.faults.auth;
  const lookup = lookupBeforeMissingHeader.includes(operationId);
  const state = stateBeforeMissingHeader.includes(operationId);
  if (header || !(lookup || state)) return undefined;
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || !isWellFormedId(id)) return undefined;
  const action = ctx.state.actions.findAnywhere(id);
  if (lookup && !action) return new WireError('NotFound', `Machine action ${id} was not found.`);
  // The state check (stateBeforeMissingHeader) refuses a final action for its state.
  const status = action && state ? settle(action, ctx.clock.now()).status : undefined;
  if (status && isFinal(status))
    return new WireError('BadRequest', `Machine action ${id} is ${status} and cannot be cancelled.`);
  return undefined;
}

// Whether the auth policy serves this cancel without Authorization as nobody in particular
// (anonymousRunningCancel): its id names an action InProgress, in whichever tenant.
export function runningCancelUnguarded(
  ctx: EmulatorContext,
  request: FastifyRequest,
  operationId: string,
): boolean {
  if (!ctx.faults.auth.anonymousRunningCancel || operationId !== 'CancelMachineAction') return false;
  const id = (request.params as { id?: unknown }).id;
  const action =
    typeof id === 'string' && isWellFormedId(id) ? ctx.state.actions.findAnywhere(id) : undefined;
  return action !== undefined && settle(action, ctx.clock.now()).status === 'InProgress';
}
