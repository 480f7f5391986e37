import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { refusal, WireError } from '../error-catalogue.ts';
import { sendEntraHttpRefusal } from '../identity/entra-error.ts';
import { errorAnswer } from './error-answer.ts';
import type { RouteTable } from './route-table.ts';
import { send, sendAnswer } from './send-answer.ts';

// What an API route carries in its Fastify config, so errors raised before its handler (the guard's
// 401, 403 and 429, a body too large) are answered as exchanges of its operation.
export interface ApiRouteConfig {
  operationId: string;
  versioned: boolean;
}

// What the token routes carry in their config: their refusals are Entra's, those raised before their
// handler (a body over the limit) too (docs/emulator.md#token-errors).
export interface EntraRouteConfig {
  entra: true;
}

// Every error Fastify raises (hooks, parsers) leaves through here: API routes through the answer seam,
// the token routes in Entra's shape, everything else as the plain error envelope.
export function installErrorHandling(app: FastifyInstance, ctx: EmulatorContext, routes: RouteTable): void {
  app.setErrorHandler((error: FastifyError | WireError, request, reply) => {
    const wire = toWireError(error, ctx.options.bodyLimit);
    if (!(error instanceof WireError) && wire.status >= 500)
      request.log.error({ err: error }, 'unexpected error');
    if (wire.status < 500 && (request.routeOptions.config as Partial<EntraRouteConfig>).entra)
      return sendEntraHttpRefusal(reply, request, wire.status, wire.message, ctx.clock.now());
    const api = apiRoute(request);
    if (api)
      sendAnswer(ctx, request, reply, {
        ...api,
        outcome: { kind: 'refused', error: wire },
        accept: request.headers.accept,
      });
    else send(ctx, reply, errorAnswer(ctx, wire, false));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = routes.allowed(path);
    // MSAL reads a token endpoint's refusal as Entra shapes it ("error" a string): the API's envelope
    // on a GET there was unreadable to it. Entra's own status for this is not documented; 405 stands.
    if (allowed.length > 0 && routes.isEntra(path)) {
      reply.header('allow', allowed.join(', '));
      return sendEntraHttpRefusal(
        reply,
        request,
        405,
        `${request.method} is not allowed on ${path}: the endpoint takes ${allowed.join(', ')}.`,
        ctx.clock.now(),
      );
    }
    const error =
      allowed.length > 0
        ? new WireError('MethodNotAllowed', `${request.method} is not allowed on ${path}.`, {
            headers: { allow: allowed.join(', ') },
          })
        : new WireError('NotFound', `No resource at ${path}.`);
    send(ctx, reply, errorAnswer(ctx, error, false));
  });
}

function apiRoute(request: FastifyRequest): ApiRouteConfig | undefined {
  const config = request.routeOptions.config as Partial<ApiRouteConfig> | undefined;
  return config?.operationId === undefined
    ? undefined
    : { operationId: config.operationId, versioned: config.versioned === true };
}

// Fastify's own refusals (body too large, bad Content-Length, bad URL) in the catalogue's words.
function toWireError(error: FastifyError | WireError, bodyLimit: number): WireError {
  if (error instanceof WireError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new WireError('RequestEntityTooLarge', `The request body is over the limit of ${kib(bodyLimit)}.`);
  const status = error.statusCode ?? 500;
  if (status === 415) return new WireError('UnsupportedMediaType');
  if (status >= 400 && status < 500) return new WireError('BadRequest', error.message, { status });
  return new WireError('InternalServerError');
}

function kib(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

// Errors the router raises before any route runs: a URL that cannot be decoded (400) and a path
// parameter longer than the router takes, which can only be a malformed id
// (docs/contract.md#malformed-id).
export function frameworkErrors(ctx: EmulatorContext) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const wire =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? refusal(ctx.profile.readings['malformed-id'], tooLongMessage(request.url))
        : new WireError('BadRequest', 'The URL cannot be decoded.');
    send(ctx, reply, errorAnswer(ctx, wire, false));
  };
}

// The router refuses before any route is chosen, so the path says whose id it is: a device's
// (POST /api/machines/{id}/runAntiVirusScan) is no machine action id.
function tooLongMessage(url: string): string {
  const collection = /^\/api(?:\/v1\.0)?\/(machines|machineactions)\//i.exec(url)?.[1]?.toLowerCase();
  if (collection === 'machines') return 'The id is too long to be a machine id.';
  if (collection === 'machineactions') return 'The id is too long to be a machine action id.';
  return 'A segment of the path is too long to name anything.';
}
