import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { issueAccessToken, TOKEN_LIFETIME_SECONDS } from '../auth/token-issuer.ts';
import type { EmulatorContext } from '../context.ts';
import type { EntraRouteConfig } from '../http/error-handler.ts';
import { EntraRefusal, sendEntraError } from '../identity/entra-error.ts';
import { type EndpointVersion, readTokenRequest } from '../identity/token-request.ts';

type TokenRequest = FastifyRequest<{ Params: { tenantId: string } }>;

// Microsoft Entra ID's client-credentials endpoint (docs/interfaces.md#emulator-token-endpoint): a client
// secret or a client assertion (identity/client-authentication.ts). Its errors are Entra's
// (docs/interfaces.md#token-errors), never the API's error envelope. The v1.0 endpoint takes `resource`.
export function registerTokenRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const config: EntraRouteConfig = { entra: true };
  app.post<{ Params: { tenantId: string } }>('/:tenantId/oauth2/v2.0/token', { config }, (request, reply) =>
    answerToken(ctx, request, reply, 'v2'),
  );
  app.post<{ Params: { tenantId: string } }>('/:tenantId/oauth2/token', { config }, (request, reply) =>
    answerToken(ctx, request, reply, 'v1'),
  );
}

async function answerToken(
  ctx: EmulatorContext,
  request: TokenRequest,
  reply: FastifyReply,
  version: EndpointVersion,
) {
  const nowMs = ctx.clock.now();
  let grant: Awaited<ReturnType<typeof readTokenRequest>>;
  try {
    grant = await readTokenRequest(ctx, request, version, nowMs);
  } catch (error) {
    if (error instanceof EntraRefusal) return sendEntraError(reply, request, error, nowMs);
    throw error;
  }
  const accessToken = await issueAccessToken(ctx.key, ctx.clock, grant.app, grant.audience, grant.credential);
  // No Retry-After, ever: msal-node reads one on a success as throttling too.
  reply.header('cache-control', 'no-store, no-cache').header('pragma', 'no-cache');
  if (version === 'v2')
    return reply.send({
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
    });
  // The v1.0 answer: numbers as strings, and the resource named.
  const notBefore = Math.floor(nowMs / 1000);
  return reply.send({
    token_type: 'Bearer',
    expires_in: String(TOKEN_LIFETIME_SECONDS),
    ext_expires_in: String(TOKEN_LIFETIME_SECONDS),
    expires_on: String(notBefore + TOKEN_LIFETIME_SECONDS),
    not_before: String(notBefore),
    resource: grant.audience,
    access_token: accessToken,
  });
}
