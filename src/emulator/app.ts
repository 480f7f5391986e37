import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { getContract } from '../contract/index.ts';
import { createSigningKey } from './auth/signing-key.ts';
import { TokenVerifier } from './auth/token-verifier.ts';
import { type TimeSource, VirtualClock } from './clock/virtual-clock.ts';
import type { EmulatorContext } from './context.ts';
import { FaultSet } from './faults.ts';
import { frameworkErrors, installErrorHandling } from './http/error-handler.ts';
import { installDateHeader } from './http/reply-format.ts';
import { RouteTable } from './http/route-table.ts';
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
}

// Builds the emulator as a Fastify instance without listening (use inject(), or startEmulator()).
export async function buildApp(
  input: EmulatorOptions = {},
  deps: BuildDependencies = {},
): Promise<FastifyInstance> {
  const options = resolveOptions(input);
  const clock = new VirtualClock(deps.timeSource);
  const faults = new FaultSet(options.faults);
  const key = await createSigningKey();
  const ctx: EmulatorContext = {
    options,
    profile: options.profile,
    faults,
    clock,
    state: new EmulatorState(options.maxActionsPerTenant),
    key,
    verifier: new TokenVerifier(key, clock, faults),
    limiter: new RateLimiter(clock, options.profile.windows, faults),
    contract: getContract(),
    version: packageVersion(),
  };
  try {
    applySeed(ctx.state, options.seed, clock.now());
  } catch (error) {
    if (error instanceof SeedInputError) throw new EmulatorOptionsError(`seed: ${error.message}`);
    throw error;
  }

  const app = Fastify({
    logger: options.logger
      ? {
          level: options.logLevel,
          // Tokens and secrets never reach the log: bodies are not logged, and these are censored.
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
        }
      : false,
    bodyLimit: options.bodyLimit,
    // U12: the docs mix /API/ and /api/, StopAndQuarantineFile and stopAndQuarantineFile.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 500 },
    frameworkErrors: frameworkErrors(ctx),
  });
  app.decorate('emulator', ctx);
  app.decorateRequest('caller', null);
  app.decorateRequest('deferredThrottle', null);
  app.decorateRequest('receivedAtMs', 0);

  const routes = new RouteTable();
  app.addHook('onRoute', (route) => routes.add(route.method, route.url));
  // Bodies arrive as text; http/request-body.ts and the token route decide what they accept.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  installDateHeader(app, ctx);
  installErrorHandling(app, ctx, routes);

  registerTokenRoutes(app, ctx);
  registerApiRoutes(app, ctx);
  if (options.control) registerControlRoutes(app, ctx);
  return app;
}

function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
