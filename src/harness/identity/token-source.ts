import type { TokenCredential } from '@azure/identity';
import type { CredentialSpec } from '../config/credential-spec.ts';
import { readSecret } from '../config/credential-spec.ts';
import { recordIssuedSecret } from '../redaction/secret-fingerprints.ts';
import type { Authority } from './authority.ts';
import { askAuthority, isEndpointResolutionFailure } from './authority-answer.ts';
import { acquireToken } from './client-secret-flow.ts';
import { type CredentialDestinationError, credentialDestinationPolicy } from './credential-destination.ts';
import { withChainVariablesFromEnvFile } from './default-chain-env.ts';
import { githubOidcToken } from './github-oidc.ts';
import { loopbackDirectPolicy } from './loopback-direct.ts';
import { reusedWhileValid } from './reused-assertion.ts';
import { SignInError, signInError } from './sign-in-error.ts';
import type { TokenError } from './token-answer.ts';
import { tokenAnswerWatch } from './token-answer-watch.ts';

// Caching and renewal are the identity library's (or, on http, the emulator's short-lived tokens').
export interface Token {
  accessToken: string;
}

// Tokens of one app, for any scope. Microsoft's own library signs in (secret, certificate, federated
// token, GitHub OIDC, the default chain) exactly as a team's automation would; it caches tokens.
export interface TokenSource {
  token(scope: string): Promise<Token>;
  // What the token endpoint last answered that brought no token (a 500, a reset), while
  // @azure/identity's pipeline retries: a sign-in given up for time can say it instead of only "no token".
  lastFailure?(): TokenError | undefined;
}

// The one request that asks the authority what made msal-node fail; the preflight bounds it too.
const AUTHORITY_CHECK_MS = 5_000;

const MICROSOFT_AUTHORITIES = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
];

export function tokenSourceFor(spec: CredentialSpec, authority: Authority): TokenSource {
  // @azure/identity refuses an http authority; a loopback emulator without TLS takes a plain secret.
  if (authority.authBaseUrl.startsWith('http:')) return plainSecretSource(spec, authority);
  let credential: Promise<TokenCredential> | undefined;
  // A credential refused on its way elsewhere than the authority (credential-destination.ts): msal-node
  // reports it only as a network error, so the refusal itself is what the sign-in error says.
  let misdirected: CredentialDestinationError | undefined;
  const destination = credentialDestinationPolicy(authority.authBaseUrl, (error) => {
    misdirected = error;
  });
  // What the token endpoint answered that msal-node could not use (token-answer-watch.ts).
  let unusable: TokenError | undefined;
  const watch = tokenAnswerWatch((problem) => {
    unusable = problem;
  });
  return {
    async token(scope) {
      let token: Awaited<ReturnType<TokenCredential['getToken']>>;
      misdirected = undefined;
      unusable = undefined;
      try {
        credential ??= credentialFor(spec, authority, [destination, watch]);
        token = await (await credential).getToken(scope);
      } catch (error) {
        if (misdirected) throw signInError(misdirected, spec, authority);
        if (unusable) throw signInError(unusable, spec, authority);
        // msal-node says only that the tenant's configuration could not be had: ask the authority why.
        const answer = isEndpointResolutionFailure(error)
          ? await askAuthority(authority, AUTHORITY_CHECK_MS, error)
          : undefined;
        throw signInError(answer ?? error, spec, authority);
      }
      if (!token) throw signInError(new Error('the credential returned no token'), spec, authority);
      recordIssuedSecret(token.token);
      // msal-node takes any expires_in; the suite renews and expires tokens by it
      // (docs/interfaces.md#emulator-token-endpoint).
      if (unusable) throw signInError(unusable, spec, authority);
      return { accessToken: token.token };
    },
    lastFailure: () => unusable,
  };
}

// @azure/identity is loaded on first use: it takes half a second, and only a tenant run needs it.
async function credentialFor(
  spec: CredentialSpec,
  { authBaseUrl, tenantId }: Authority,
  policies: ReturnType<typeof credentialDestinationPolicy>[],
): Promise<TokenCredential> {
  const {
    ClientAssertionCredential,
    ClientCertificateCredential,
    ClientSecretCredential,
    DefaultAzureCredential,
  } = await import('@azure/identity');
  const options = {
    authorityHost: authBaseUrl,
    // Instance discovery asks login.microsoft.com about the authority: not for an emulator or a cloud
    // it does not know.
    disableInstanceDiscovery: !MICROSOFT_AUTHORITIES.includes(new URL(authBaseUrl).hostname),
    additionalPolicies: [...policies, ...loopbackDirectPolicy(authBaseUrl)],
  };
  switch (spec.kind) {
    case 'secret':
      return new ClientSecretCredential(tenantId, spec.clientId, readSecret(spec), options);
    case 'certificate':
      readSecret(spec); // registers the private key with the redactor before anything could print it
      return new ClientCertificateCredential(
        tenantId,
        spec.clientId,
        { certificatePath: spec.certificatePath },
        options,
      );
    case 'federated':
      // The file is re-read at each sign-in: workload identity rotates it.
      return new ClientAssertionCredential(tenantId, spec.clientId, async () => readSecret(spec), options);
    case 'github-oidc':
      return new ClientAssertionCredential(
        tenantId,
        spec.clientId,
        reusedWhileValid(() => githubOidcToken()),
        options,
      );
    case 'default':
      // The chain's environment and workload identity credentials do instance discovery too.
      return withChainVariablesFromEnvFile(
        () =>
          new DefaultAzureCredential({
            tenantId,
            ...options,
            ...(spec.clientId
              ? { managedIdentityClientId: spec.clientId, workloadIdentityClientId: spec.clientId }
              : {}),
          }),
      );
  }
}

function plainSecretSource(spec: CredentialSpec, authority: Authority): TokenSource {
  if (spec.kind !== 'secret') {
    // Not through signInError: its fix for an unanswered sign-in ("check ... that the token endpoint
    // is reachable") sent users to the network, though nothing was asked of the authority.
    const error = new SignInError(
      `${spec.kind} sign-in at ${authority.authBaseUrl}/${authority.tenantId} failed: a ${spec.kind} sign-in needs an https authority, and ${authority.authBaseUrl} is http; start the emulator with --https and use its https:// URL`,
    );
    // The configuration is what to fix (exit 2), not the target.
    error.refused = true;
    throw error;
  }
  return {
    async token(scope) {
      try {
        const token = await acquireToken({
          ...authority,
          clientId: spec.clientId,
          clientSecret: readSecret(spec),
          scope,
        });
        return { accessToken: token.accessToken };
      } catch (error) {
        throw signInError(error, spec, authority);
      }
    },
  };
}
