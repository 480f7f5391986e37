import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { getContract } from '../contract/index.ts';
import { createSigningKey, type SigningKey } from './auth/signing-key.ts';
import { TokenVerifier } from './auth/token-verifier.ts';
import { type TimeSource, VirtualClock } from './clock/virtual-clock.ts';
import type { EmulatorContext } from './context.ts';
import { FaultSet } from './faults/fault-set.ts';
import { installDateHeader } from './http/date-header.ts';
import { type EntraRouteConfig, installErrorHandling } from './http/error-handler.ts';
import { installFrontDoor } from './http/front-door.ts';
import { installNodeAnswers } from './http/node-answers.ts';
import { RouteTable } from './http/route-table.ts';
import { fastifyOptions, serverTimeouts } from './http/server-options.ts';
import { closeSilentConnections } from './http/silent-connections.ts';
import { installTextBodies } from './http/text-bodies.ts';
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
  const timeouts = serverTimeouts(options);
  const serverOptions = fastifyOptions(ctx, timeouts);
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
  installTextBodies(app);
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
