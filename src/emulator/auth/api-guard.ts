import type { FastifyRequest } from 'fastify';
import type { Operation } from '../../contract/index.ts';
import { toHttpDate } from '../clock/timestamps.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import type { ThrottleDecision } from '../rate-limit/rate-limiter.ts';
import type { Caller } from './token-verifier.ts';

// onRequest hook of every API route, in this order: authenticate (401), count and throttle (429),
// authorize (403). Throttling comes after authentication because unauthenticated calls belong to no
// app, and before authorization because every authenticated call counts, whatever its outcome.
export function apiGuard(ctx: EmulatorContext, operation: Operation) {
  const operationId = operation.operationId;
  return async function guard(request: FastifyRequest): Promise<void> {
    const caller = await authenticate(ctx, request.headers.authorization);
    request.caller = caller;
    if (ctx.options.rateLimits && operation.rateLimit) {
      const key = `${caller.tenantId}|${caller.appId}|${operationId}`;
      const decision = ctx.limiter.take(key, operation.rateLimit);
      if (decision.throttled) {
        const error = throttled(ctx, decision, request.receivedAtMs);
        // The fault lets the cancel happen and sends the 429 afterwards.
        if (!(operationId === 'CancelMachineAction' && ctx.faults.has('throttled-still-cancels')))
          throw error;
        request.deferredThrottle = error;
      }
    }
    authorize(ctx, operation, caller);
  };
}

async function authenticate(ctx: EmulatorContext, header: string | undefined): Promise<Caller> {
  if (header === undefined || header === '') {
    if (ctx.faults.has('no-auth-allowed'))
      return { tenantId: '*', appId: 'anonymous', roles: allRoles(ctx), audienceOk: true, anonymous: true };
    if (ctx.faults.has('no-auth-403')) throw new WireError('Forbidden', 'No Authorization header.');
    throw new WireError('Unauthorized', 'The Authorization header is missing.');
  }
  return ctx.verifier.verify(header);
}

function authorize(ctx: EmulatorContext, operation: Operation, caller: Caller): void {
  if (caller.anonymous) return;
  if (!caller.audienceOk && !ctx.faults.has('audience-unchecked')) {
    // A token for another resource is valid but not for this API: 403 (mde-contract 2.1).
    if (ctx.faults.has('audience-401')) throw new WireError('Unauthorized', 'Wrong token audience.');
    throw new WireError('Forbidden', 'The token audience is not this API.');
  }
  const needed = rolesFor(ctx, operation);
  if (needed.some((role) => caller.roles.includes(role))) return;
  const detail = `Missing application roles. API required roles: ${needed.join(',')}, application roles: ${caller.roles.join(',')}.`;
  if (ctx.faults.has('forbidden-wrong-code')) throw new WireError('Unauthorized', detail, { status: 403 });
  throw new WireError('Forbidden', detail);
}

// Roles come from the contract (security alternatives: any one is enough; mde-contract 2.3).
function rolesFor(ctx: EmulatorContext, operation: Operation): string[] {
  if (operation.operationId !== 'CancelMachineAction') return operation.roles;
  let roles = operation.roles;
  if (ctx.faults.has('role-refused-liveresponse')) roles = roles.filter((r) => r !== 'Machine.LiveResponse');
  if (ctx.faults.has('read-only-can-cancel')) roles = [...roles, 'Machine.Read.All'];
  return roles;
}

function allRoles(ctx: EmulatorContext): string[] {
  return [...new Set(ctx.contract.operations.flatMap((op) => op.roles))];
}

function throttled(
  ctx: EmulatorContext,
  decision: Extract<ThrottleDecision, { throttled: true }>,
  receivedAtMs: number,
): WireError {
  const minute = decision.limit === 'minute';
  const seconds = minute && ctx.faults.has('retry-after-too-long') ? 120 : decision.retryAfterSeconds;
  const headers: Record<string, string> = {};
  if (!(decision.limit === 'hour' && ctx.faults.has('retry-after-missing-hour'))) {
    // U6: delta-seconds, or an HTTP-date counted from the Date header (both on the virtual clock).
    const nowSecondsMs = Math.floor(receivedAtMs / 1000) * 1000;
    headers['retry-after'] =
      ctx.profile.retryAfter === 'http-date' ? toHttpDate(nowSecondsMs + seconds * 1000) : String(seconds);
  }
  const code = minute && ctx.faults.has('rate-wrong-code') ? 'Throttled' : 'TooManyRequests';
  const detail = `Rate limit of the ${decision.limit} exceeded. Try again in ${seconds} seconds.`;
  return new WireError(code, detail, { headers });
}
