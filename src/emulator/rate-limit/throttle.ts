import type { Operation } from '../../contract/index.ts';
import type { Caller } from '../auth/caller.ts';
import { toHttpDateRoundedUp } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { HOUR_MS, MINUTE_MS } from './call-log.ts';
import type { ThrottleDecision } from './rate-limiter.ts';

// The throttle seam's verdict on one authenticated call: let through (null), or a 429 to answer now
// or, when the policy lets throttled calls of the operation still run, after it ran; or a 503 for a
// call the policy sheds (counted, not served).
export interface Throttled {
  error: WireError;
  runFirst: boolean;
  // Above 0: the call runs, its effect deferred this long (the policy queues throttled calls).
  queuedMs?: number;
}

export function throttle(
  ctx: EmulatorContext,
  operation: Operation,
  caller: Caller,
  nowMs: number,
  versioned = false,
  url = '',
): Throttled | null {
  if (!ctx.options.rateLimits || !operation.rateLimit) return null;
  // The throttle policy may leave an operation, or its route under /api/v1.0, without the limiter.
  const { unthrottled, unthrottledVersioned } = ctx.faults.throttle;
  if (unthrottled.includes(operation.operationId)) return null;
  if (versioned && unthrottledVersioned.includes(operation.operationId)) return null;
  // The contract counts per tenant, app and operation; a throttle fault may count per token instead, or
  // every operation together.
  const who = ctx.faults.throttle.perToken ? (caller.tokenId ?? caller.appId) : caller.appId;
  const counted = ctx.faults.throttle.acrossOperations ? '*' : operation.operationId;
  // Or keep each URL's calls apart (a limiter partitioned by the path it guards).
  const where = ctx.faults.throttle.perUrl.includes(operation.operationId) ? `|${url}` : '';
  const key = `${caller.tenantId}|${who}|${counted}${where}`;
  const decision = ctx.limiter.take(key, operation.rateLimit, nowMs);
  if (!decision.throttled && decision.shed)
    return {
      error: new WireError('ServiceUnavailable', 'The service is busy; try again later.', { status: 503 }),
      runFirst: false,
    };
  if (!decision.throttled) return null;
  if (ctx.faults.throttle.queueWhenThrottled.includes(operation.operationId))
    return {
      error: tooManyRequests(ctx, decision, nowMs, operation.operationId),
      runFirst: true,
      queuedMs: decision.waitMs,
    };
  return {
    error: tooManyRequests(ctx, decision, nowMs, operation.operationId),
    runFirst:
      ctx.faults.throttle.runWhenThrottled.includes(operation.operationId) ||
      (versioned && ctx.faults.throttle.runWhenThrottledVersioned.includes(operation.operationId)) ||
      (decision.limit === 'hour' && ctx.faults.throttle.runWhenHourThrottled.includes(operation.operationId)),
  };
}

function tooManyRequests(
  ctx: EmulatorContext,
  decision: Extract<ThrottleDecision, { throttled: true }>,
  nowMs: number,
  operationId: string,
): WireError {
  const policy = ctx.faults.throttle;
  const readings = ctx.profile.readings;
  const minute = decision.limit === 'minute';
  // docs/contract.md#retry-after-value: the time left, or the whole window.
  let waitMs =
    readings['retry-after-value'] === 'whole-window' ? (minute ? MINUTE_MS : HOUR_MS) : decision.waitMs;
  if (minute && policy.minuteRetryAfterSeconds !== null) waitMs = policy.minuteRetryAfterSeconds * 1000;
  if (!minute && policy.hourRetryAfterSeconds !== null) waitMs = policy.hourRetryAfterSeconds * 1000;
  const own = policy.minuteRetryAfterSecondsOn[operationId];
  if (minute && own !== undefined) waitMs = own * 1000;
  if (minute && policy.minuteRetryAfterDoubles) waitMs *= 2 ** (decision.refusedInRow - 1);
  // The second only: a burst's later 429s, which the hour's count waits on, say the time needed.
  if (minute && decision.refusedInRow === 2)
    waitMs = Math.max(0, waitMs - policy.minuteRetryAfterAgainShortBy * 1000);
  const round = policy.retryAfterRounding === 'down' ? Math.floor : Math.ceil;
  const seconds = Math.max(1, round(waitMs / 1000));
  const headers: Record<string, string> = {};
  if ((minute || policy.hourRetryAfter) && !policy.retryAfterOmittedOn.includes(operationId))
    // docs/contract.md#retry-after-form: delta-seconds, or the date of now + wait rounded up to the
    // second, so it may read a second past the (truncated) Date header, never before now + wait.
    headers['retry-after'] =
      readings['retry-after-form'] === 'http-date' ? toHttpDateRoundedUp(nowMs + waitMs) : String(seconds);
  const code = minute ? policy.minuteCode : policy.hourCode;
  const detail = `Rate limit of the ${decision.limit} exceeded. Try again in ${seconds} seconds.`;
  return new WireError(code, detail, { status: 429, headers });
}
