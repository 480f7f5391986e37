import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import type { Caller } from './caller.ts';
import { namesActionIn, namesActionOfOtherType } from './running-cancel-roles.ts';

// Whether the throttle policy lets a throttled cancel run before its 429 (the contract: never, a
// refused call changes nothing): one of an action in runWhenThrottledStatuses (a running action's cancel
// handed to its device ahead of the limiter), or of another type than runWhenThrottledOnlyType's (a
// cancel handed to its type's handler, when only the scan's sits behind the limiter).
export function throttledCancelRuns(ctx: EmulatorContext, request: FastifyRequest, caller: Caller): boolean {
  const policy = ctx.faults.throttle;
  return (
    namesActionIn(ctx, request, caller, policy.runWhenThrottledStatuses) ||
    namesActionOfOtherType(ctx, request, caller, policy.throttledOnlyType)
  );
}
