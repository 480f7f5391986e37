import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller.ts';
import { namesActionIn } from '../auth/running-cancel-roles.ts';
import type { EmulatorContext } from '../context.ts';
import type { BodyPolicy } from '../http/body-policy.ts';

// The body policy of a cancel: `policy`, or for the caller's InProgress action its whileRunning changes
// (a running action's cancel handed to a channel that binds its body its own way; the contract: none).
export function cancelBodyPolicy(
  ctx: EmulatorContext,
  request: FastifyRequest,
  caller: Caller,
  policy: BodyPolicy,
): BodyPolicy {
  const changes = policy.whileRunning;
  if (Object.keys(changes).length === 0 || !namesActionIn(ctx, request, caller, ['InProgress']))
    return policy;
  return { ...policy, ...changes, alsoJson: [...policy.alsoJson, ...(changes.alsoJson ?? [])] };
}
