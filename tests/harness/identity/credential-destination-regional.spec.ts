import { credentialDestinationPolicy } from '../../../src/harness/identity/credential-destination.ts';
import { expect, test } from '../../helpers/api-test.ts';

// Regional ESTS: with AZURE_REGIONAL_AUTHORITY_NAME set (as on Azure-hosted automation), @azure/identity
// has msal-node post the secret to {region}.login.microsoft.com for the public authority, and to
// {region}.<authority host> for another Microsoft authority: Entra ID's own hosts, not a stranger's.
// Here msal-node runs for real; a policy behind the destination check answers in Entra ID's place, so
// nothing leaves the process.

const TENANT = '5b0e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-aabbccddeeff';

async function signInThroughRegion(authorityHost: string, region: string) {
  const { ClientSecretCredential } = await import('@azure/identity');
  const refusals: unknown[] = [];
  const tokenPosts: string[] = [];
  const host = new URL(authorityHost).host;
  const entra = {
    position: 'perRetry' as const,
    policy: {
      name: 'entraStandIn',
      async sendRequest(request: { url: string }) {
        const url = new URL(request.url);
        const headers = { 'content-type': 'application/json' };
        const json = (body: unknown) =>
          ({
            status: 200,
            headers: {
              get: (name: string) => headers[name as 'content-type'],
              has: (name: string) => name in headers,
              toJSON: () => headers,
            },
            bodyAsText: JSON.stringify(body),
            request,
          }) as never;
        if (url.pathname.endsWith('/.well-known/openid-configuration'))
          return json({
            issuer: `https://${host}/${TENANT}/v2.0`,
            authorization_endpoint: `https://${host}/${TENANT}/oauth2/v2.0/authorize`,
            token_endpoint: `https://${host}/${TENANT}/oauth2/v2.0/token`,
            end_session_endpoint: `https://${host}/${TENANT}/oauth2/v2.0/logout`,
            jwks_uri: `https://${host}/${TENANT}/discovery/v2.0/keys`,
          });
        if (url.pathname.endsWith('/discovery/instance'))
          return json({
            tenant_discovery_endpoint: `https://${host}/${TENANT}/v2.0/.well-known/openid-configuration`,
            metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
          });
        tokenPosts.push(url.origin);
        return json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'a.b.c' });
      },
    },
  };
  const before = process.env['AZURE_REGIONAL_AUTHORITY_NAME'];
  process.env['AZURE_REGIONAL_AUTHORITY_NAME'] = region;
  try {
    const credential = new ClientSecretCredential(TENANT, CLIENT, 'regional-check-secret-1', {
      authorityHost,
      additionalPolicies: [credentialDestinationPolicy(authorityHost, (e) => refusals.push(e)), entra],
    });
    const token = await credential.getToken('https://api.securitycenter.microsoft.com/.default').then(
      (t) => t?.token,
      (e: Error) => e.message,
    );
    return { token, refusals, tokenPosts };
  } finally {
    if (before === undefined) delete process.env['AZURE_REGIONAL_AUTHORITY_NAME'];
    else process.env['AZURE_REGIONAL_AUTHORITY_NAME'] = before;
  }
}

test('a regional Entra ID token endpoint of the configured authority takes the credential', async () => {
  const publicCloud = await signInThroughRegion('https://login.microsoftonline.com', 'westus');
  expect(publicCloud.refusals).toEqual([]);
  expect(publicCloud.tokenPosts).toEqual(['https://westus.login.microsoft.com']);
  expect(publicCloud.token).toBe('a.b.c');
  const government = await signInThroughRegion('https://login.microsoftonline.us', 'usgovvirginia');
  expect(government.refusals).toEqual([]);
  expect(government.tokenPosts).toEqual(['https://usgovvirginia.login.microsoftonline.us']);
  expect(government.token).toBe('a.b.c');
});

test('a regional name off Entra ID, or of a loopback authority, is still refused', async () => {
  const refusals: unknown[] = [];
  const send = (authority: string, url: string) =>
    credentialDestinationPolicy(authority, (e) => refusals.push(e))
      .policy.sendRequest({ url, body: 'client_secret=x' } as never, (async () => ({})) as never)
      .then(
        () => 'sent',
        () => 'refused',
      );
  const token = `/${TENANT}/oauth2/v2.0/token`;
  expect(await send('https://login.microsoftonline.com', `https://westus.login.microsoft.com${token}`)).toBe(
    'sent',
  );
  expect(await send('https://login.microsoftonline.com', `http://westus.login.microsoft.com${token}`)).toBe(
    'refused',
  );
  expect(await send('https://login.microsoftonline.com', `https://a.b.login.microsoft.com${token}`)).toBe(
    'refused',
  );
  expect(
    await send('https://login.microsoftonline.com', `https://westus.login.microsoft.com:8443${token}`),
  ).toBe('refused');
  expect(
    await send('https://login.microsoftonline.com', `https://westus.login.microsoftonline.us${token}`),
  ).toBe('refused');
  expect(await send('https://login.microsoftonline.us', `https://westus.login.microsoft.com${token}`)).toBe(
    'refused',
  );
  expect(await send('https://127.0.0.1:8443', `https://westus.127.0.0.1:8443${token}`)).toBe('refused');
  expect(await send('https://localhost:8443', `https://westus.localhost:8443${token}`)).toBe('refused');
  expect(refusals).toHaveLength(7);
});
