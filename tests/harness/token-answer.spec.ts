import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acquireToken, TokenError } from '../../src/harness/identity/client-secret-flow.ts';
import { expect, test } from '../helpers/api-test.ts';

// A token endpoint that answers 200 with JSON that is not an object: the reason names what is missing,
// as for any answer without a token, never a TypeError of the harness.
async function tokenEndpointAnswering(body: string) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, stop: () => server.close() };
}

for (const body of ['null', '42', '"token"', '[]'])
  test(`a token answer of ${body} is refused as having no access_token`, async () => {
    const endpoint = await tokenEndpointAnswering(body);
    try {
      const error = await acquireToken({
        authBaseUrl: endpoint.url,
        tenantId: 'tenant',
        clientId: 'client',
        clientSecret: 'fake-secret-value',
        scope: 'https://api.securitycenter.microsoft.com/.default',
        timeoutMs: 5_000,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenError);
      expect((error as TokenError).reason).toBe(`no access_token in ${body.length} bytes`);
    } finally {
      endpoint.stop();
    }
  });
