import type { EmulatorContext } from '../context.ts';
import type { ResolvedOptions } from '../options.ts';
import { clientErrorHandler } from './client-errors.ts';
import { frameworkErrors } from './error-handler.ts';
import { loggedRequest } from './logged-request.ts';
import { NO_ROUTE_SCHEMAS } from './no-route-schemas.ts';

// The Node server's timeouts. Fastify turns Node's request timeout off, so a body that stops short of
// its Content-Length (or a chunked body that never ends) would hold its connection open forever. Node
// answers such a request 408 through the client error handler; it looks for late requests every
// connectionsCheckingInterval (30 s by default, which would let one wait a minute and a half).
export function serverTimeouts(options: ResolvedOptions) {
  return {
    // Refused in the envelope instead (http/host-header.ts).
    requireHostHeader: false,
    headersTimeout: Math.min(60_000, options.requestTimeoutMs),
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(options.requestTimeoutMs / 4))),
  };
}

// What Fastify is built with: the log (never a token or a secret), limits, routing and the answers
// to requests that reach no route.
export function fastifyOptions(ctx: EmulatorContext, timeouts: ReturnType<typeof serverTimeouts>) {
  const { options } = ctx;
  return {
    logger: options.logger
      ? {
          level: options.logLevel,
          // Tokens and secrets never reach the log: bodies are not logged, and these are censored.
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
          // The URL without the values of its query: a token may travel there (logged-request.ts).
          serializers: { req: loggedRequest },
        }
      : false,
    bodyLimit: options.bodyLimit,
    requestTimeout: options.requestTimeoutMs,
    http: timeouts,
    // docs/contract.md#route-case: the docs mix /API/ and /api/, StopAndQuarantineFile and
    // stopAndQuarantineFile.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 500 },
    frameworkErrors: frameworkErrors(ctx),
    clientErrorHandler: clientErrorHandler(ctx),
    // close() ends every connection, including one a wire fault left unanswered.
    forceCloseConnections: true,
    schemaController: NO_ROUTE_SCHEMAS,
  } as const;
}
