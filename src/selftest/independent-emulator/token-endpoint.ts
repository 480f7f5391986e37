import type { IncomingMessage } from 'node:http';
import type { Answer } from './answer.ts';
import { oauthError } from './oauth-error.ts';
import type { TenantStore } from './tenant-store.ts';
import { TOKEN_LIFETIME_SECONDS, type TokenSigner } from './token-signer.ts';
import type { Variant } from './variants.ts';

export interface TokenEndpointDeps {
  store: TenantStore;
  signer: TokenSigner;
  variant: Variant;
}

const DEFAULT_SUFFIX = '/.default';

// POST /{tenantId}/oauth2/v2.0/token, client credentials with a secret (docs/interfaces.md#emulator-token-endpoint).
// The access token's audience is the scope without /.default; the app's roles go in `roles`.
export async function tokenAnswer(
  deps: TokenEndpointDeps,
  tenantId: string,
  req: IncomingMessage,
  raw: Buffer,
  nowMs: number,
): Promise<Answer> {
  const form = new URLSearchParams(raw.toString('utf8'));
  const correlation = headerOf(req, 'client-request-id');
  const fail = (kind: Parameters<typeof oauthError>[0], message: string) =>
    oauthError(kind, message, nowMs, correlation);

  const grantType = form.get('grant_type');
  if (!grantType)
    return fail('missingParameter', "The request body must contain the parameter 'grant_type'.");
  if (grantType !== 'client_credentials')
    return fail(
      'unsupportedGrant',
      `The grant type '${grantType}' is not supported: use client_credentials.`,
    );
  const clientId = form.get('client_id');
  if (!clientId) return fail('missingParameter', "The request body must contain the parameter 'client_id'.");
  const scope = form.get('scope');
  if (!scope) return fail('missingParameter', "The request body must contain the parameter 'scope'.");
  if (!scope.endsWith(DEFAULT_SUFFIX) || scope.length === DEFAULT_SUFFIX.length)
    return fail(
      'badScope',
      `The scope '${scope}' is not valid for client credentials: ask for <resource>/.default.`,
    );

  const tenant = deps.store.find(tenantId);
  if (!tenant || tenant.apps.size === 0)
    return fail('tenantNotFound', `Tenant '${tenantId}' not found: register an app in it first.`);
  const app = tenant.apps.get(clientId.toLowerCase());
  if (!app)
    return fail('appNotFound', `Application with identifier '${clientId}' was not found in the directory.`);
  const secret = form.get('client_secret');
  if (!secret)
    return fail('noCredential', "The request body must contain 'client_assertion' or 'client_secret'.");
  if (secret !== app.clientSecret)
    return fail('wrongSecret', `Invalid client secret provided for app '${clientId}'.`);

  const accessToken = await deps.signer.issue(
    {
      tenantId: tenantId.toLowerCase(),
      appId: app.clientId,
      roles: app.roles,
      audience: scope.slice(0, -DEFAULT_SUFFIX.length),
    },
    nowMs,
  );
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    headers: { 'Cache-Control': 'no-store, no-cache' },
    json: {
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: deps.variant.extExpiresIn,
      access_token: accessToken,
    },
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
