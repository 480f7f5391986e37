import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import type { Caller } from './caller.ts';

// The role check of a cancel as the auth policy may make it (roleCheckedWith: a check that sits beside
// the validation of the Comment or of the body, so a cancel without one skips it). The contract: every
// cancel needs an action role, whatever its body (docs/contract.md#permissions).

// The guard's 403 for a missing role, held for the cancel handler when the policy asks for it (a token
// for another resource is refused at once).
export function roleRefusalHeld(
  ctx: EmulatorContext,
  cancel: boolean,
  caller: Caller,
  refusal: Error,
): WireError | undefined {
  if (!cancel || ctx.faults.auth.roleCheckedWith === null || !caller.audienceOk) return undefined;
  return refusal instanceof WireError ? refusal : undefined;
}

// In the cancel handler, once the body is read: the held 403 is answered when the body names a Comment
// (or, for 'body', when there is a body at all).
export function commentRoleCheck(
  ctx: EmulatorContext,
  request: FastifyRequest,
  comment: string | null,
): void {
  const held = request.admission?.roleRefusal;
  const body = typeof request.body === 'string' && request.body.length > 0;
  if (held && (ctx.faults.auth.roleCheckedWith === 'body' ? body : comment !== null)) throw held;
}
