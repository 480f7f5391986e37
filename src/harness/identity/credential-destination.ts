import type { TokenCredentialOptions } from '@azure/identity';
import { AUTH_HOSTS } from '../config/hosts.ts';

type AdditionalPolicy = NonNullable<TokenCredentialOptions['additionalPolicies']>[number];

// Credential material (a client secret; a client assertion: the certificate's signed JWT, a federated
// or GitHub OIDC token) leaves this process for the configured authority's origin only. msal-node
// posts it to whatever `token_endpoint` the authority's OpenID configuration names: a loopback
// authority (an emulator, a stand-in) that names https://192.0.2.1/... would have the secret sent off
// the machine, and an emulator run is promised to stay on it. Entra ID names its own host, so a tenant
// loses nothing. Checked on every request as it is sent (after retries and redirects), before any
// connection is made.
const CREDENTIAL_FIELDS = /(?:^|&)(?:client_secret|client_assertion)=/;

export class CredentialDestinationError extends Error {
  override readonly name = 'CredentialDestinationError';
  constructor(
    readonly authorityOrigin: string,
    readonly destinationOrigin: string,
  ) {
    super(
      `the authority's OpenID configuration names a token endpoint at ${destinationOrigin}, not at ${authorityOrigin}; the suite sends credentials to the configured authority's origin only, and sent nothing there`,
    );
  }
}

// A pipeline policy for @azure/identity's options. `refused` hears of each refusal: msal-node wraps
// a network client's error as a bare "network_error", and the sign-in error must say what happened.
export function credentialDestinationPolicy(
  authBaseUrl: string,
  refused: (error: CredentialDestinationError) => void,
): AdditionalPolicy {
  const authorityOrigin = new URL(authBaseUrl).origin;
  return {
    position: 'perRetry',
    policy: {
      name: 'mdeCredentialDestination',
      sendRequest(request, next) {
        const destination = originOf(request.url);
        if (
          destination !== authorityOrigin &&
          !isRegionalOrigin(authorityOrigin, destination) &&
          carriesCredential(request.body)
        ) {
          const error = new CredentialDestinationError(authorityOrigin, destination);
          refused(error);
          return Promise.reject(error);
        }
        return next(request);
      },
    },
  };
}

// Regional ESTS (AZURE_REGIONAL_AUTHORITY_NAME, read by @azure/identity): msal-node posts to
// {region}.login.microsoft.com for the public authority and to {region}.<host> for another, Entra ID's
// own hosts. Only for a Microsoft authority over https: a loopback one stays on its own origin.
const REGION = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';

function isRegionalOrigin(authorityOrigin: string, destination: string): boolean {
  const authority = new URL(authorityOrigin);
  if (authority.protocol !== 'https:' || authority.port !== '' || !AUTH_HOSTS.includes(authority.hostname))
    return false;
  const suffix =
    authority.hostname === 'login.microsoftonline.com' ? 'login.microsoft.com' : authority.hostname;
  return new RegExp(`^https://${REGION}\\.${suffix.replaceAll('.', '\\.')}$`, 'i').test(destination);
}

export function carriesCredential(body: unknown): boolean {
  if (typeof body === 'string') return CREDENTIAL_FIELDS.test(body);
  if (body instanceof URLSearchParams) return body.has('client_secret') || body.has('client_assertion');
  if (Buffer.isBuffer(body)) return CREDENTIAL_FIELDS.test(body.toString('utf8'));
  // A stream or form data, which the identity library never sends for a token, cannot be read here
  // without being spent: elsewhere than the authority it is refused, as it may hold one.
  return body !== undefined && body !== null;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unreadable URL';
  }
}
