import type { IncomingMessage } from 'node:http';
import type { Answer } from './answer.ts';
import { apiError } from './api-error.ts';
import { matchRoute, type Operation } from './api-routes.ts';
import { authenticate } from './bearer-guard.ts';
import { cancelAnswer } from './cancel-operation.ts';
import { type ApiCall, type EmulatorContext, originOf } from './emulator-context.ts';
import { applyDueCancels } from './pending-cancel.ts';
import { getAnswer, listAnswer } from './read-operations.ts';
import { scanAnswer } from './scan-operation.ts';
import { httpDate } from './time-format.ts';

// Audiences the API takes (docs/contract.md#audience); any other valid token is a 403.
const AUDIENCES = new Set([
  'https://api.securitycenter.microsoft.com',
  'https://api.security.microsoft.com',
  'https://securitycenter.onmicrosoft.com/windowsatpservice',
  'https://api-gcc.securitycenter.microsoft.us',
  'https://api-gov.securitycenter.microsoft.us',
]);

const HANDLERS: Record<Operation, (ctx: EmulatorContext, call: ApiCall) => Answer> = {
  cancel: cancelAnswer,
  get: getAnswer,
  list: listAnswer,
  runAntiVirusScan: scanAnswer,
};

// Every API call in this order: route, token (401), rate limit (429, not counted), audience and roles
// (403), then the operation. An authenticated call counts whatever it then answers
// (docs/interfaces.md#rate-limit-counting).
export async function apiAnswer(
  ctx: EmulatorContext,
  req: IncomingMessage,
  url: URL,
  raw: Buffer,
): Promise<Answer> {
  const { variant, clock } = ctx;
  clock.pass(variant.serviceTimeMs);
  const route = matchRoute(req.method ?? 'GET', url.pathname, variant);
  if (route.kind === 'none')
    return apiError(variant, clock.nowMs(), { status: 404, code: 'NotFound' }, `No API at ${url.pathname}`);
  if (route.kind === 'wrong-method')
    return apiError(
      variant,
      clock.nowMs(),
      { status: 405, code: 'MethodNotAllowed' },
      `${req.method} is not allowed here: use ${route.allow}`,
      { Allow: route.allow },
    );

  const auth = await authenticate(req.headers.authorization, ctx.signer, variant, clock.nowMs());
  if (!auth.ok) return auth.answer;
  const { claims } = auth;

  const nowMs = clock.nowMs();
  // Under /api/v1.0 in /api's windows, or in windows of their own (variant.versionedWindows).
  const prefix = route.versioned && variant.versionedWindows === 'own' ? '|v1.0' : '';
  const decision = ctx.limiter.take(`${claims.tenantId}|${claims.appId}|${route.operation}${prefix}`, nowMs);
  if (!decision.ok) {
    // retry-after-form: delta-seconds rounded up; an HTTP-date rounded up to the next whole second, so
    // that it is never earlier than the call would be served (it may read a second past the Date header).
    const retryAfter =
      variant.retryAfterForm === 'http-date'
        ? httpDate(Math.ceil((nowMs + decision.waitMs) / 1000) * 1000)
        : String(Math.max(1, Math.ceil(decision.waitMs / 1000)));
    return apiError(
      variant,
      nowMs,
      { status: 429, code: 'TooManyRequests' },
      'Rate limit reached for this operation: retry after the time in Retry-After',
      { 'Retry-After': retryAfter },
    );
  }

  if (!AUDIENCES.has(claims.audience.replace(/\/$/, '')) && variant.foreignAudienceBody === 'stock')
    return { status: 403, json: { Message: 'Authorization has been denied for this request.' } };
  if (!AUDIENCES.has(claims.audience.replace(/\/$/, '')))
    return apiError(
      variant,
      nowMs,
      { status: 403, code: 'Forbidden' },
      `The token's audience ${claims.audience} is not this API: ask for https://api.securitycenter.microsoft.com/.default`,
    );
  if (!route.roles.some((role) => claims.roles.includes(role)))
    return apiError(
      variant,
      nowMs,
      { status: 403, code: 'Forbidden' },
      `Missing application roles: grant one of ${route.roles.join(', ')}`,
    );

  // Cancels answered earlier become visible once due, before this call sees the store.
  applyDueCancels(ctx.store.find(claims.tenantId), nowMs);
  const contentType = req.headers['content-type'];
  return HANDLERS[route.operation](ctx, {
    claims,
    params: route.params,
    query: url.searchParams,
    contentType,
    raw,
    origin: originOf(req),
  });
}
