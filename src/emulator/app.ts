import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyBodyParser, type FastifyInstance } from 'fastify';
import { getContract } from '../contract/index.ts';
import { createSigningKey, type SigningKey } from './auth/signing-key.ts';
import { TokenVerifier } from './auth/token-verifier.ts';
import { type TimeSource, VirtualClock } from './clock/virtual-clock.ts';
import type { EmulatorContext } from './context.ts';
import { FaultSet } from './faults/fault-set.ts';
import { clientErrorHandler } from './http/client-errors.ts';
import { installDateHeader } from './http/date-header.ts';
import { type EntraRouteConfig, frameworkErrors, installErrorHandling } from './http/error-handler.ts';
import { installFrontDoor } from './http/front-door.ts';
import { loggedRequest } from './http/logged-request.ts';
import { NO_ROUTE_SCHEMAS } from './http/no-route-schemas.ts';
import { installNodeAnswers } from './http/node-answers.ts';
import { RouteTable } from './http/route-table.ts';
import { closeSilentConnections } from './http/silent-connections.ts';
import { registerIdentityRoutes } from './identity/identity-routes.ts';
import { type TlsCertificate, tlsCertificateFor } from './identity/tls-certificate.ts';
import { type EmulatorOptions, EmulatorOptionsError, resolveOptions } from './options.ts';
import { RateLimiter } from './rate-limit/rate-limiter.ts';
import { registerApiRoutes } from './routes/api-routes.ts';
import { registerControlRoutes } from './routes/control.ts';
import { registerTokenRoutes } from './routes/token.ts';
import { EmulatorState } from './state/emulator-state.ts';
import { applySeed, SeedInputError } from './state/seed.ts';

export interface BuildDependencies {
  // Where the virtual clock reads real time; tests pin it.
  timeSource?: TimeSource;
  // A signing key shared by many emulators of one process (createSigningKey()); without it each
  // emulator makes its own, which is most of the cost of starting one.
  signingKey?: SigningKey;
  // A TLS certificate shared by many HTTPS emulators of one process (createTlsCertificate()); making one
  // costs a few hundred milliseconds. Used when `https` is on and no tlsCertFile is given.
  tlsCertificate?: TlsCertificate;
}

// Builds the emulator as a Fastify instance without listening (use inject(), or startEmulator()).
// Everything per process (contract, profiles, fault catalogue) is loaded once; per emulator there is
// only its state, its clock and its routes.
export async function buildApp(
  input: EmulatorOptions = {},
  deps: BuildDependencies = {},
): Promise<FastifyInstance> {
  const options = resolveOptions(input);
  const clock = new VirtualClock(deps.timeSource);
  const faults = new FaultSet(options.faults);
  const key = deps.signingKey ?? (await createSigningKey());
  const ctx: EmulatorContext = {
    options,
    profile: options.profile,
    faults,
    clock,
    state: new EmulatorState(options.maxActionsPerTenant),
    key,
    verifier: new TokenVerifier(key, clock, faults.auth),
    limiter: new RateLimiter(options.profile.readings['rate-window'], faults.throttle),
    contract: getContract(),
    version: packageVersion(),
  };
  try {
    applySeed(ctx.state, options.seed, clock.now());
  } catch (error) {
    if (error instanceof SeedInputError) throw new EmulatorOptionsError(`seed: ${error.message}`);
    throw error;
  }

  const tls = options.https ? await tlsCertificateFor(options, deps.tlsCertificate) : undefined;
  // Fastify turns Node's request timeout off, so a body that stops short of its Content-Length (or a
  // chunked body that never ends) held its connection open forever. Node answers such a request 408
  // through the client error handler; it looks for late requests every connectionsCheckingInterval
  // (30 s by default, which would let one wait a minute and a half).
  const timeouts = {
    // Refused in the envelope instead (http/host-header.ts).
    requireHostHeader: false,
    headersTimeout: Math.min(60_000, options.requestTimeoutMs),
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(options.requestTimeoutMs / 4))),
  };
  const serverOptions = {
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
  // HTTPS on the same port when asked (docs/emulator.md#https); Fastify types the two servers apart.
  const app = (tls
    ? Fastify({ ...serverOptions, https: { cert: tls.cert, key: tls.key, ...timeouts } })
    : Fastify(serverOptions)) as unknown as FastifyInstance;
  if (!tls) closeSilentConnections(app.server, timeouts.headersTimeout);
  app.decorate('emulator', ctx);
  const routes = new RouteTable();
  installNodeAnswers(app.server, ctx, routes);
  app.decorateRequest('admission', null);
  app.decorateRequest('receivedAtMs', 0);

  app.addHook('onRoute', (route) =>
    routes.add(
      route.method,
      route.url,
      (route.config as Partial<EntraRouteConfig> | undefined)?.entra === true,
    ),
  );
  // Bodies arrive as text; http/request-body.ts and the token route decide what they accept. Bytes
  // that are not UTF-8 are decoded with U+FFFD in their place, and marked: the API refuses them.
  app.removeAllContentTypeParsers();
  app.decorateRequest('bodyNotUtf8', false);
  const asText: FastifyBodyParser<Buffer> = (request, body, done) => {
    if (!isUtf8(body)) request.bodyNotUtf8 = true;
    done(null, body.toString('utf8'));
  };
  app.addContentTypeParser('*', { parseAs: 'buffer' }, asText);
  // The same parser, named: Fastify caches the parser it finds for a Content-Type, but not the
  // catch-all's, and parsed the header again on every call (about a twentieth of a cancel's CPU).
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, asText);
  installFrontDoor(app, ctx.profile);
  installErrorHandling(app, ctx, routes);

  // The API routes date their answers in their guard; the others have a hook for it, in a context of
  // their own so that it does not run on API calls too.
  registerApiRoutes(app, ctx);
  app.register(async (other) => {
    installDateHeader(other, ctx);
    registerTokenRoutes(other, ctx);
    registerIdentityRoutes(other, ctx, tls ? { certificatePem: tls.cert } : {});
    if (options.control) registerControlRoutes(other, ctx);
  });
  return app;
}

let version: string | undefined;

function packageVersion(): string {
  version ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return version;
}
