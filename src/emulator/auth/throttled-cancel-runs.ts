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

// In the cancel handler, once the body is read: a throttled cancel the guard let run for want of a
// Comment stops here when its body names one (its 429 is answered all the same, as lateRefusal).
export function throttledIfCommented(request: FastifyRequest, comment: string | null): void {
  const { throttledIfCommented: held, lateRefusal } = request.admission ?? {};
  if (held && comment !== null && lateRefusal) throw lateRefusal;
}
