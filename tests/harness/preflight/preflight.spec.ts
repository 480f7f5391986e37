import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../../helpers/api-test.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { failure, serve } from '../stand-ins/preflight-stand-in.ts';

// What a failed preflight says, in one line (a refused token: preflight-api-access.spec.ts).
test.describe('preflight', () => {
  // An emulator author's walk (walk7) started the emulator in the background and the run at once (as a
  // CI step does): the run stopped on "connection refused" with nothing said of an emulator still
  // starting, the one cause the line's "running" did not bring to mind.
  test('a closed port is one line naming the URL and "connection refused"', async () => {
    const { url, server } = await serve(() => ({ status: 200 }));
    await new Promise((done) => server.close(done));
    const error = await failure({ mode: 'emulator', apiBaseUrl: url });
    expect(error).toBe(
      `TargetUnreachableError: ${url}: the API does not answer: connection refused. Check MDE_API_BASE_URL and that the target is running and reachable; an emulator started just before the run may not listen yet: start the run once it answers`,
    );
  });

  // A slow target is not a dead one: the line names the setting that waits longer.
  test('a target that answers nothing in time names MDE_REQUEST_TIMEOUT_SECONDS', async () => {
    const server = createServer(() => {});
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const error = await failure({ mode: 'emulator', apiBaseUrl: url }, 500);
    server.closeAllConnections();
    server.close();
    expect(error).toBe(
      `TargetUnreachableError: ${url}: the API does not answer: no answer within 500 ms. Check MDE_API_BASE_URL and that the target is running and reachable, or raise MDE_REQUEST_TIMEOUT_SECONDS for a slower one`,
    );
  });

  // The sign-in's wait is the same setting's: "check MDE_AUTH_BASE_URL" alone sent users to the URL.
  test('a token endpoint that never answers names MDE_REQUEST_TIMEOUT_SECONDS', async () => {
    const server = createServer((req, res) => {
      // The OpenID configuration comes, so the authority is up; the token never does.
      if (req.url?.includes('openid-configuration'))
        res
          .writeHead(200)
          .end(
            JSON.stringify({ issuer: 'x', authorization_endpoint: 'x', token_endpoint: 'x', jwks_uri: 'x' }),
          );
      else if (!req.url?.includes('/oauth2/')) res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const error = await failure(tenantTarget({ apiBaseUrl: url, authBaseUrl: url }), 500);
    server.closeAllConnections();
    server.close();
    expect(error).toMatch(
      /no token within 0\.5 s\. Check MDE_AUTH_BASE_URL.*raise MDE_REQUEST_TIMEOUT_SECONDS/,
    );
    expect(error.split('\n')).toHaveLength(1);
  });

  test('an emulator without the control protocol is named by its clock URL', async () => {
    const { url, server } = await serve(() => ({ status: 404 }));
    const error = await failure({ mode: 'emulator', apiBaseUrl: url });
    server.close();
    expect(error).toContain(`${url}/_emulator/clock: answered 404 instead of 200`);
    expect(error.split('\n')).toHaveLength(1);
  });

  test('a clock that answers 200 with a bad body is told by what is wrong with the body', async () => {
    const { url, server } = await serve((path) =>
      path === '/_emulator/clock' ? { status: 200, body: { now: 'yesterday' } } : { status: 404 },
    );
    const error = await failure({ mode: 'emulator', apiBaseUrl: url });
    server.close();
    expect(error).toContain(
      `${url}/_emulator/clock: answered 200, but expected {"now": "<RFC 3339>"}, got {"now":"yesterday"}`,
    );
  });

  // The endpoint answered: the URL is right, its answer is what to fix, as the docs describe it.
  test('a token answer without expires_in names the token URL, expires_in and the docs', async () => {
    const { url, server } = await serve((path) =>
      path === '/_emulator/clock'
        ? { status: 200, body: { now: '2026-03-02T10:00:00.000Z' } }
        : path === '/_emulator/apps'
          ? { status: 201 }
          : path.endsWith('/oauth2/v2.0/token')
            ? { status: 200, body: { token_type: 'Bearer', access_token: 'a.b.c' } }
            : { status: 404 },
    );
    const error = await failure({ mode: 'emulator', apiBaseUrl: url });
    server.close();
    expect(error).toMatch(
      new RegExp(
        `^TargetAnswerError: ${url}/[0-9a-f-]{36}/oauth2/v2\\.0/token: no token: answered 200, but expires_in must be`,
      ),
    );
    expect(error).toContain('docs/interfaces.md#emulator-token-endpoint');
    expect(error).not.toContain('Check MDE_AUTH_BASE_URL');
  });

  test('an emulator on a port that fetch refuses (6000, 10080, ...) is reached all the same', async () => {
    // Ports browsers and fetch block; the first one free here.
    let served: { url: string; server: Server } | undefined;
    for (const port of [6000, 6665, 6666, 6667, 6668, 6669, 6697, 10080]) {
      served = await serve(() => ({ status: 404 }), port).catch(() => undefined);
      if (served) break;
    }
    expect(served, 'one of the ports fetch refuses is free').toBeDefined();
    const error = await failure({ mode: 'emulator', apiBaseUrl: served!.url });
    served!.server.close();
    // Past the API origin, to the control protocol's clock: the port itself was no obstacle.
    expect(error).toContain(`${served!.url}/_emulator/clock: answered 404 instead of 200`);
  });

  test('a refused client is named by the token URL and invalid_client, never by its secret', async () => {
    const secret = 'preflight-secret-value-42';
    const { url, server } = await serve((path) =>
      path.includes('/oauth2/') ? { status: 401, body: { error: 'invalid_client' } } : { status: 404 },
    );
    process.env.PREFLIGHT_TEST_SECRET = secret;
    const error = await failure(
      tenantTarget({
        apiBaseUrl: url,
        authBaseUrl: url,
        credentials: {
          operator: {
            kind: 'secret',
            clientId: '11111111-2222-4333-8444-555555555555',
            secretVariable: 'PREFLIGHT_TEST_SECRET',
          },
          roles: {},
        },
      }),
    );
    server.close();
    expect(error).toBe(
      `SignInError: secret sign-in at ${url}/72f988bf-86f1-41af-91ab-2d7cd011db47 failed: invalid_client (401) (check the client id and its secret or certificate)`,
    );
    expect(error).not.toContain(secret);
  });

  test('with AZURE_AUTHORITY_HOST standing in for MDE_AUTH_BASE_URL, the line names AZURE_AUTHORITY_HOST', async () => {
    const api = await serve(() => ({ status: 404 }));
    const closed = await serve(() => ({ status: 404 }));
    await new Promise((done) => closed.server.close(done));
    const error = await failure(
      tenantTarget({
        apiBaseUrl: api.url,
        authBaseUrl: closed.url,
        variables: { authBaseUrl: 'AZURE_AUTHORITY_HOST' },
      }),
    );
    api.server.close();
    expect(error).toMatch(
      /connection refused.*\(check AZURE_AUTHORITY_HOST and that the token endpoint is reachable\)$/,
    );
    expect(error).not.toContain('MDE_AUTH_BASE_URL');
  });

  // Microsoft's library retries a refused connection past the preflight's time (half a second here;
  // it was 3 s, as long as the test then took); the line says what the authority did, not only that no token came.
  test('an https authority that refuses the connection is said to, not "no token within 3 s"', async () => {
    const api = await serve(() => ({ status: 404 }));
    const closed = await serve(() => ({ status: 404 }));
    await new Promise((done) => closed.server.close(done));
    const authBaseUrl = closed.url.replace(/^http:/, 'https:');
    const error = await failure(tenantTarget({ apiBaseUrl: api.url, authBaseUrl }), 500);
    api.server.close();
    expect(error).toBe(
      `SignInError: secret sign-in at ${authBaseUrl}/72f988bf-86f1-41af-91ab-2d7cd011db47 failed: the authority does not answer: connection refused (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)`,
    );
  });
});
