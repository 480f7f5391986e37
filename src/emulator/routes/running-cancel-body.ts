import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller.ts';
import { namesActionIn, namesActionOfOtherType } from '../auth/running-cancel-roles.ts';
import type { EmulatorContext } from '../context.ts';
import type { BodyPolicy } from '../http/body-policy.ts';

// The body policy of a cancel: `policy`, or for the caller's InProgress action its whileRunning changes
// (a running action's cancel handed to a channel that binds its body its own way), or for an action
// other than a scan its otherTypes changes (a type's handler that binds it its own way; the contract:
// none of either).
export function cancelBodyPolicy(
  ctx: EmulatorContext,
  request: FastifyRequest,
  caller: Caller,
  policy: BodyPolicy,
): BodyPolicy {
  const running = policy.whileRunning;
  if (Object.keys(running).length > 0 && namesActionIn(ctx, request, caller, ['InProgress']))
    return changed(policy, running);
  const other = policy.otherTypes;
  if (Object.keys(other).length > 0 && namesActionOfOtherType(ctx, request, caller, 'RunAntiVirusScan'))
    return changed(policy, other);
  return policy;
}

function changed(policy: BodyPolicy, changes: BodyPolicy['whileRunning']): BodyPolicy {
  return { ...policy, ...changes, alsoJson: [...policy.alsoJson, ...(changes.alsoJson ?? [])] };
}
