import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { isMetaTenant, originOf, requireKnownTenant } from './authority.ts';
import { EntraRefusal, sendEntraError } from './entra-error.ts';
import { MICROSOFT_CLOUDS, openIdConfigurationV1, openIdConfigurationV2 } from './openid-configuration.ts';

type TenantRequest = FastifyRequest<{ Params: { tenant: string } }>;

export interface IdentityRouteOptions {
  // PEM of the certificate served over HTTPS, answered at /_emulator/tls-certificate.
  certificatePem?: string;
}

// What Microsoft's identity libraries read before they ask for a token (docs/emulator.md#oidc-discovery):
// the OpenID Connect documents, the signing keys and the instance metadata; and the served certificate.
export function registerIdentityRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  { certificatePem }: IdentityRouteOptions,
): void {
  const discovery =
    (build: (origin: string, tenant: string, meta: boolean) => object) =>
    (request: TenantRequest, reply: FastifyReply) => {
      const tenant = request.params.tenant.toLowerCase();
      const meta = isMetaTenant(tenant);
      try {
        if (!meta) requireKnownTenant(ctx, tenant, 'invalid_tenant');
      } catch (error) {
        if (error instanceof EntraRefusal) return sendEntraError(reply, request, error, ctx.clock.now());
        throw error;
      }
      // Entra lets clients keep these a day.
      return reply
        .header('cache-control', 'max-age=86400, private')
        .header('access-control-allow-origin', '*')
        .send(build(originOf(request), tenant, meta));
    };
  app.get('/:tenant/v2.0/.well-known/openid-configuration', discovery(openIdConfigurationV2));
  app.get('/:tenant/.well-known/openid-configuration', discovery(openIdConfigurationV1));
  app.get('/common/discovery/instance', (request, reply) => instanceDiscovery(ctx, request, reply));

  // The emulator's signing key, where Entra ID publishes its keys (v2.0 per tenant, v1.0 for all).
  const jwks = async () => ({ keys: [ctx.key.publicJwk] });
  app.get('/:tenant/discovery/v2.0/keys', jwks);
  app.get('/:tenant/discovery/keys', jwks);
  app.get('/common/discovery/keys', jwks);

  if (ctx.options.control && certificatePem)
    app.get('/_emulator/tls-certificate', (_request, reply) =>
      reply.header('content-type', 'application/x-pem-file').send(certificatePem),
    );
}

// GET /common/discovery/instance?api-version=1.1&authorization_endpoint=<authority>/oauth2/v2.0/authorize,
// answered as login.microsoftonline.com answers it: where the tenant's document is, and the aliases of
// the host asked about (here the emulator itself, first) and of Microsoft's clouds. msal-node asks
// login.microsoftonline.com itself unless told otherwise; MSAL for Python asks here when given
// instance_discovery="<emulator>/common/discovery/instance".
function instanceDiscovery(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Record<string, string | undefined>;
  let tenant: string;
  try {
    const authorize = new URL(query['authorization_endpoint'] ?? '');
    tenant = authorize.pathname.split('/')[1] || 'common';
  } catch {
    const refusal = new EntraRefusal(
      'malformedDiscoveryRequest',
      "The request is malformed: 'authorization_endpoint' must be the authority's authorize URL.",
    );
    return sendEntraError(reply, request, refusal, ctx.clock.now());
  }
  const origin = originOf(request);
  const host = request.host;
  return reply.header('cache-control', 'max-age=86400, private').send({
    tenant_discovery_endpoint: `${origin}/${tenant.toLowerCase()}/v2.0/.well-known/openid-configuration`,
    'api-version': query['api-version'] ?? '1.1',
    metadata: [
      { preferred_network: host, preferred_cache: host, aliases: loopbackAliases(host) },
      ...MICROSOFT_CLOUDS,
    ],
  });
}

// localhost, 127.0.0.1 and [::1] on one port are one emulator: one cache for all three.
function loopbackAliases(host: string): string[] {
  const port = /:(\d+)$/.exec(host)?.[1];
  const loopback = ['localhost', '127.0.0.1', '[::1]'].map((name) => (port ? `${name}:${port}` : name));
  return loopback.includes(host) ? [host, ...loopback.filter((name) => name !== host)] : [host];
}
