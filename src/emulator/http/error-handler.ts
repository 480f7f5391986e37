import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { errorEnvelope, WireError } from '../error-catalogue.ts';
import type { RouteTable } from './route-table.ts';

// Every error the emulator sends leaves through here, as the error envelope of the catalogue.
export function installErrorHandling(app: FastifyInstance, ctx: EmulatorContext, routes: RouteTable): void {
  app.setErrorHandler((error: FastifyError | WireError, request, reply) => {
    const wire = toWireError(error);
    if (!(error instanceof WireError) && wire.status >= 500)
      request.log.error({ err: error }, 'unexpected error');
    const omitCode = wire.status === 401 && ctx.faults.has('error-without-code');
    return reply
      .code(wire.status)
      .headers(wire.headers)
      .send(errorEnvelope(wire, { target: ctx.profile.errorTarget, omitCode }));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = routes.allowed(path);
    const error =
      allowed.length > 0
        ? new WireError('MethodNotAllowed', `${request.method} is not allowed on ${path}.`, {
            headers: { allow: allowed.join(', ') },
          })
        : new WireError('NotFound', `No resource at ${path}.`);
    return reply
      .code(error.status)
      .headers(error.headers)
      .send(errorEnvelope(error, { target: ctx.profile.errorTarget }));
  });
}

// The one place an error envelope is sent. Handlers call it directly (Fastify's error path is
// several times slower than a plain reply); hooks and Fastify itself reach it through the handler.
export function sendWireError(ctx: EmulatorContext, reply: FastifyReply, error: WireError): FastifyReply {
  const omitCode = error.status === 401 && ctx.faults.has('error-without-code');
  return reply
    .code(error.status)
    .headers(error.headers)
    .send(errorEnvelope(error, { target: ctx.profile.errorTarget, omitCode }));
}

// Fastify's own refusals (body too large, bad Content-Length, bad URL) in the catalogue's words.
function toWireError(error: FastifyError | WireError): WireError {
  if (error instanceof WireError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new WireError('RequestEntityTooLarge', 'The request body is larger than the emulator accepts.');
  const status = error.statusCode ?? 500;
  if (status === 415) return new WireError('UnsupportedMediaType');
  if (status >= 400 && status < 500) return new WireError('BadRequest', error.message, { status });
  return new WireError('InternalServerError');
}

// Errors the router raises before any route runs: a URL that cannot be decoded (400) and a path
// parameter longer than the router takes, which can only be a malformed id (U5, profile malformedId).
export function frameworkErrors(ctx: EmulatorContext) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const wire =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH' && ctx.profile.malformedId === 404
        ? new WireError(ctx.profile.notFoundCode, 'The id is too long to name anything.')
        : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new WireError('InvalidInput', 'The id is too long to be valid.')
          : new WireError('BadRequest', 'The URL cannot be decoded.');
    return reply.code(wire.status).send(errorEnvelope(wire, { target: ctx.profile.errorTarget }));
  };
}
