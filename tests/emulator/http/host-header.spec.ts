import { expect, test } from '../../helpers/api-test.ts';
import { rawExchange as exchange, listeningEmulator, parseRawAnswer as parse } from './raw-exchange.ts';

// RFC 9112 section 3.2: a server MUST answer 400 to a request with more than one Host line or a Host
// that is no host and port. The emulator names itself from Host (@odata.context, the discovery
// documents' endpoints, a certificate assertion's audience), and took the first of two, or any text:
// `Host: a b` was served, and the token_endpoint it published read "http://a b/...". Now such a request
// is refused as a missing Host is: 400 in the envelope (Entra's shape at the token endpoint).

const TENANT = '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01';
const FORM = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: 'host-app',
  client_secret: 's',
  scope: 'https://api.securitycenter.microsoft.com/.default',
}).toString();

test.describe('the Host header', () => {
  const emulator = listeningEmulator();

  test.beforeAll(async () => {
    const app = { tenantId: TENANT, clientId: 'host-app', clientSecret: 's', roles: [] };
    const res = await fetch(`${emulator.url}/_emulator/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(app),
    });
    expect(res.status).toBe(201);
  });

  const ROUTES = [
    ['GET', '/api/machineactions'],
    ['GET', '/_emulator/clock'],
    ['GET', `/${TENANT}/v2.0/.well-known/openid-configuration`],
    ['POST', `/${TENANT}/oauth2/v2.0/token`],
  ] as const;

  for (const [what, hostLines] of [
    ['two Host lines', 'Host: 127.0.0.1\r\nHost: evil.example\r\n'],
    ['a Host with a space', 'Host: a b\r\n'],
    ['a Host with a path', 'Host: a/b?c\r\n'],
    ['a Host with a quote', 'Host: a"b:80\r\n'],
    ['an unclosed IPv6 Host', 'Host: [::1\r\n'],
    ['a Host with a port that is no number', 'Host: 127.0.0.1:http\r\n'],
  ] as const)
    for (const [method, path] of ROUTES)
      test(`${what} on ${method} ${path.replace(TENANT, '{tenant}')} answers 400`, async () => {
        // A token request that would be granted: only the Host is wrong.
        const body = method === 'POST' ? FORM : '';
        const answer = parse(
          await exchange(
            emulator.url,
            `${method} ${path} HTTP/1.1\r\n${hostLines}Content-Type: application/x-www-form-urlencoded\r\n` +
              `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
          ),
        );
        expect(answer.status).toBe(400);
        if (path.includes('oauth2'))
          expect(answer.body).toMatchObject({ error: 'invalid_request', error_codes: [] });
        else expect((answer.body['error'] as { code: string }).code).toBe('BadRequest');
      });

  for (const host of [
    '127.0.0.1:4010',
    'localhost',
    '[::1]:4010',
    'mde-emulator.internal:80',
    'EXAMPLE.test.',
  ])
    test(`Host: ${host} is served`, async () => {
      const text = await exchange(
        emulator.url,
        `GET /_emulator/clock HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      );
      expect(parse(text).status).toBe(200);
    });
});
