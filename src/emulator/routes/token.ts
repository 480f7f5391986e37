import type { FastifyInstance } from 'fastify';
import { audienceOfScope } from '../auth/audiences.ts';
import { issueAccessToken, TOKEN_LIFETIME_SECONDS } from '../auth/token-issuer.ts';
import type { EmulatorContext } from '../context.ts';

// Microsoft Entra ID's client-credentials endpoint (docs/interfaces.md#emulator-token-endpoint). Its errors are OAuth
// errors (RFC 6749 5.2), not the API's error envelope.
export function registerTokenRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<{ Params: { tenantId: string } }>('/:tenantId/oauth2/v2.0/token', async (request, reply) => {
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type))
      return oauthError(reply, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const grantType = form.get('grant_type');
    if (!grantType)
      return oauthError(reply, 400, 'invalid_request', "The request body must contain 'grant_type'.");
    if (grantType !== 'client_credentials')
      return oauthError(reply, 400, 'unsupported_grant_type', `grant_type "${grantType}" is not supported.`);
    for (const field of ['client_id', 'client_secret', 'scope'])
      if (!form.get(field))
        return oauthError(reply, 400, 'invalid_request', `The request body must contain '${field}'.`);
    const scope = form.get('scope')!;
    if (!scope.endsWith('/.default'))
      return oauthError(reply, 400, 'invalid_scope', 'A client-credentials scope must end with /.default.');
    const app = ctx.state.apps.find(request.params.tenantId, form.get('client_id')!);
    // The same answer for an unknown client and a wrong secret: it tells an attacker nothing.
    if (!app || app.clientSecret !== form.get('client_secret'))
      return oauthError(reply, 401, 'invalid_client', 'Invalid client credentials for this tenant.');
    const accessToken = await issueAccessToken(ctx.key, ctx.clock, app, audienceOfScope(scope));
    return reply.header('cache-control', 'no-store').send({
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
    });
  });

  // The emulator's signing key, where Entra ID publishes its keys.
  const jwks = async () => ({ keys: [ctx.key.publicJwk] });
  app.get('/:tenantId/discovery/v2.0/keys', jwks);
  app.get('/common/discovery/keys', jwks);
}

function oauthError(
  reply: import('fastify').FastifyReply,
  status: 400 | 401,
  error: string,
  description: string,
) {
  return reply.code(status).send({ error, error_description: description });
}
