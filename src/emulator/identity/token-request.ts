import type { FastifyRequest } from 'fastify';
import { audienceOfScope } from '../auth/audiences.ts';
import type { EmulatorContext } from '../context.ts';
import type { AppRegistration } from '../state/app-registry.ts';
import { assertionAudiences, requireKnownTenant } from './authority.ts';
import { withBasicCredentials } from './basic-client-credentials.ts';
import { authenticateClient, type ClientCredentialKind } from './client-authentication.ts';
import { EntraRefusal } from './entra-error.ts';

// A client-credentials request to the token endpoint, checked in the order Entra ID answers: the body,
// the tenant, the grant, the parameters, the app, its credential, the scope. Libraries add fields of
// their own (msal-node: x-client-SKU/VER/OS/CPU, x-ms-lib-capability, client-request-id in the query;
// MSAL for Python: client_info=1); unknown fields are ignored, as Entra ignores them.

export type EndpointVersion = 'v1' | 'v2';

export interface TokenGrant {
  app: AppRegistration;
  audience: string;
  credential: ClientCredentialKind;
}

export async function readTokenRequest(
  ctx: EmulatorContext,
  request: FastifyRequest<{ Params: { tenantId: string } }>,
  version: EndpointVersion,
  nowMs: number,
): Promise<TokenGrant> {
  const tenant = request.params.tenantId.toLowerCase();
  const type = request.headers['content-type'] ?? '';
  const body = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)
    ? new URLSearchParams(typeof request.body === 'string' ? request.body : '')
    : new URLSearchParams();
  refuseRepeated(body);
  const form = withBasicCredentials(body, request.headers.authorization);
  if (tenant === 'common' || tenant === 'consumers')
    throw new EntraRefusal(
      'grantNotOnCommon',
      'The grant type is not supported over the /common or /consumers endpoints. Please use the ' +
        '/organizations or tenant-specific endpoint.',
    );
  // 'organizations' is no tenant for an app-only token: "Tenant 'organizations' not found".
  requireKnownTenant(ctx, tenant);
  const grantType = required(form, 'grant_type');
  if (grantType !== 'client_credentials')
    throw new EntraRefusal(
      'unsupportedGrantType',
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  const clientId = required(form, 'client_id');
  // The v1 endpoint names the resource; MSAL for Python may reach it with a v2 scope instead.
  const scope = version === 'v1' && form.get('scope') === null ? undefined : required(form, 'scope');
  const resource = scope === undefined ? required(form, 'resource') : undefined;
  const app = ctx.state.apps.find(tenant, clientId);
  if (!app)
    throw new EntraRefusal(
      'appNotFound',
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen ` +
        'if the application has not been installed by the administrator of the tenant or consented to by any ' +
        'user in the tenant. You may have sent your authentication request to the wrong tenant.',
    );
  const credential = await authenticateClient({
    app,
    form,
    audiences: assertionAudiences(request, tenant),
    nowMs,
  });
  if (scope !== undefined && !/^\S+\/\.default$/.test(scope))
    throw new EntraRefusal(
      'invalidScope',
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value ` +
        'with /.default suffixed to the resource identifier (application ID URI).',
    );
  return { app, credential, audience: resource ?? audienceOfScope(scope!) };
}

// Each parameter at most once (RFC 6749 section 3.2): the first of two secrets was taken, where Entra
// refuses the request.
function refuseRepeated(form: URLSearchParams): void {
  const seen = new Set<string>();
  for (const name of form.keys()) {
    if (seen.has(name))
      throw new EntraRefusal(
        'duplicatedParameter',
        `The request is not properly formatted. The parameter '${name}' is duplicated.`,
      );
    seen.add(name);
  }
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (value === null || value === '')
    throw new EntraRefusal(
      'missingParameter',
      `The request body must contain the following parameter: '${name}'.`,
    );
  return value;
}
