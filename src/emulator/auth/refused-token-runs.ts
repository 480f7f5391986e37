import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import type { Admission } from './api-guard.ts';
import type { Caller } from './caller.ts';

export type Done = (error?: Error) => void;

// A token that fails verification, refused unless refusedTokenAdmission lets the call run. A function of
// its own, not a closure of the guard: through tsx, naming one per call cost ~2 % of a cancel's CPU.
export function refuseToken(
  ctx: EmulatorContext,
  request: FastifyRequest,
  operationId: string,
  versioned: boolean,
  refusal: Error,
  done: Done,
): void {
  const admission = refusedTokenAdmission(ctx, request, operationId, versioned, refusal);
  if (admission) request.admission = admission;
  done(admission ? undefined : refusal);
}

// The auth fault of a guard that writes its 401 for a token that fails verification and lets the handler
// run on (a refusal sent without a return after it): the call is admitted as the caller the token's
// claims name, and its 401 is answered after the operation ran (the admission's late refusal). Only a
// cancel under /api, of a token whose claims can be read; otherwise undefined, and the refusal stands.
function refusedTokenAdmission(
  ctx: EmulatorContext,
  request: FastifyRequest,
  operationId: string,
  versioned: boolean,
  refusal: Error,
): Admission | undefined {
  const header = request.headers.authorization;
  if (!ctx.faults.auth.refusedTokenRunsCancel || versioned || operationId !== 'CancelMachineAction')
    return undefined;
  if (!(refusal instanceof WireError) || refusal.status !== 401 || !header) return undefined;
  try {
    return { caller: ctx.verifier.unverified(header), lateRefusal: refusal, queuedMs: 0 };
  } catch {
    return undefined;
  }
}

// The same for the audience check: a cancel under /api whose token is valid but for another resource is
// answered 403 after the operation ran as the caller it names. Otherwise undefined, and the 403 stands.
export function foreignAudienceAdmission(
  ctx: EmulatorContext,
  operationId: string,
  versioned: boolean,
  caller: Caller,
  refusal: Error,
): Admission | undefined {
  if (!ctx.faults.auth.foreignAudienceRunsCancel || versioned || operationId !== 'CancelMachineAction')
    return undefined;
  if (caller.audienceOk || !(refusal instanceof WireError) || refusal.status !== 403) return undefined;
  return { caller, lateRefusal: refusal, queuedMs: 0 };
}
