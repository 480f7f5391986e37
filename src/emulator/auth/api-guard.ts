import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Operation } from '../../contract/index.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { stampArrival } from '../http/date-header.ts';
import { hostProblem } from '../http/host-header.ts';
import { throttle } from '../rate-limit/throttle.ts';
import { authorize, rolesFor } from './authorize.ts';
import { cachedReader, rememberReader } from './cached-before-auth.ts';
import type { Caller } from './caller.ts';
import { roleRefusalHeld } from './comment-role-check.ts';
import { lookupBeforeAuth, runningCancelUnguarded } from './lookup-before-auth.ts';
import { type Done, foreignAudienceAdmission, refuseToken } from './refused-token-runs.ts';
import { cancelRolesFor, roleCheckSkipped } from './running-cancel-roles.ts';
import { throttledCancelRuns } from './throttled-cancel-runs.ts';
import { typeCancelRoles } from './type-cancel-roles.ts';

// What the guard decided about a call, for the handler: who calls, and a 429 to answer after the
// operation ran (only when the throttle policy lets throttled calls of the operation still run), whose
// effect is deferred by queuedMs when the policy queues them.
export interface Admission {
  caller: Caller;
  lateRefusal: WireError | null;
  queuedMs: number;
  // A 403 for a missing role the cancel answers only if its body names a Comment (comment-role-check.ts).
  roleRefusal?: WireError;
  // A throttled cancel let run only if its body names no Comment (throttled-cancel-runs.ts).
  throttledIfCommented?: true;
}

// onRequest hook of every API route, in this order: note the arrival time (the Date of the answer),
// authenticate (401), count and throttle (429),
// authorize (403). Throttling comes after authentication because unauthenticated calls belong to no
// app, and before authorization because every authenticated call counts, whatever its outcome.
// `versioned`: the guard of the route under /api/v1.0; one guard a route, so that no call asks Fastify
// for its route options (a new object on every read).
export function apiGuard(ctx: EmulatorContext, operation: Operation, versioned = false) {
  const roles = rolesFor(ctx, operation, versioned);
  const operationId = operation.operationId;
  const admit = (request: FastifyRequest, caller: Caller): void => {
    const throttled = throttle(ctx, operation, caller, request.receivedAtMs, versioned, request.url);
    const cancel = operationId === 'CancelMachineAction';
    // The throttle policy may let a running action's cancel through to its device all the same.
    const runs =
      throttled !== null && (throttled.runFirst || (cancel && throttledCancelRuns(ctx, request, caller)));
    // Or a cancel without a Comment, which only its handler can tell.
    const held = throttled !== null && !runs && cancel && ctx.faults.throttle.runWhenThrottledUncommented;
    if (throttled && !runs && !held) throw throttled.error;
    try {
      if (!(cancel && roleCheckSkipped(ctx, request, caller)))
        authorize(
          ctx,
          operation,
          cancel ? typeCancelRoles(ctx, request, caller, cancelRolesFor(ctx, request, caller, roles)) : roles,
          caller,
          versioned,
        );
    } catch (refusal) {
      const roleRefusal = roleRefusalHeld(ctx, cancel, caller, refusal as Error);
      if (roleRefusal) {
        request.admission = { caller, lateRefusal: throttled?.error ?? null, queuedMs: 0, roleRefusal };
        return;
      }
      // The auth policy may let a cancel refused for its token's audience run all the same (its 403 late).
      const admission = foreignAudienceAdmission(ctx, operationId, versioned, caller, refusal as Error);
      if (!admission) throw refusal;
      request.admission = admission;
      return;
    }
    rememberReader(ctx, request, operationId, versioned, caller);
    const lateRefusal = throttled?.error ?? null;
    const queuedMs = throttled?.queuedMs ?? 0;
    request.admission = { caller, lateRefusal, queuedMs, ...(held ? { throttledIfCommented: true } : {}) };
  };
  // The auth policy may let a versioned route take a token it only decodes.
  const { versionedUnverifiedTokens, versionedUnverifiedOperations } = ctx.faults.auth;
  const unverifiedTokens =
    versioned && (versionedUnverifiedTokens || versionedUnverifiedOperations.includes(operationId));
  // A callback hook, not an async one: a token seen before is checked without a promise, which is most
  // of the calls. `done` is called outside the try, as it runs the rest of the request.
  return function guard(request: FastifyRequest, reply: FastifyReply, done: Done): void {
    stampArrival(ctx, request, reply);
    const header = request.headers.authorization;
    let known: Caller | undefined;
    const noHost = hostProblem(request);
    // The auth policy may look the id up before it authenticates a call without Authorization.
    const early = noHost ?? lookupBeforeAuth(ctx, request, operationId, header);
    if (early) {
      done(early);
      return;
    }
    // The auth policy may answer a path it has served before from a cache in front of this guard.
    const reader = cachedReader(ctx, request, operationId, versioned);
    if (reader) {
      request.admission = { caller: reader, lateRefusal: null, queuedMs: 0 };
      done();
      return;
    }
    let error: Error | undefined;
    try {
      if (header && unverifiedTokens) known = ctx.verifier.unverified(header);
      else if (header) known = ctx.verifier.cached(header, request.receivedAtMs, operationId);
      else if (runningCancelUnguarded(ctx, request, operationId)) known = anonymousCaller(ctx);
    } catch (thrown) {
      refuseToken(ctx, request, operationId, versioned, thrown as Error, done);
      return;
    }
    if (known) error = attempt(() => admit(request, known));
    if (known) done(error);
    else
      authenticate(ctx, header, operationId, versioned).then(
        (caller) => done(attempt(() => admit(request, caller))),
        (refusal: Error) => refuseToken(ctx, request, operationId, versioned, refusal, done),
      );
  };
}

function attempt(step: () => void): Error | undefined {
  try {
    step();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

async function authenticate(
  ctx: EmulatorContext,
  header: string | undefined,
  operationId: string,
  versioned: boolean,
): Promise<Caller> {
  if (header === undefined || header === '') {
    const { missingHeader: missing, anonymousOperations, versionedAnonymousOperations } = ctx.faults.auth;
    const anonymous =
      anonymousOperations.includes(operationId) ||
      (versioned && versionedAnonymousOperations.includes(operationId));
    if (missing === 'anonymous' || anonymous) return anonymousCaller(ctx);
    if (missing === 'forbidden' || (versioned && ctx.faults.auth.versionedMissingForbidden))
      throw new WireError('Forbidden', 'No Authorization header.');
    throw new WireError('Unauthorized', 'The Authorization header is missing.');
  }
  // The auth policy may let the Bearer scheme with no token after it through as nobody in particular.
  if (ctx.faults.auth.emptyBearerAnonymous && /^\s*bearer\s*$/i.test(header)) return anonymousCaller(ctx);
  return ctx.verifier.verify(header, operationId);
}

// Whom a call an auth fault serves without a token stands for: every role, in every tenant.
function anonymousCaller(ctx: EmulatorContext): Caller {
  const roles = [...new Set(ctx.contract.operations.flatMap((op) => op.roles))];
  return { tenantId: '*', appId: 'anonymous', roles, audienceOk: true, anonymous: true };
}
