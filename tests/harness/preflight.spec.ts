import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SCOPE } from '../../src/contract/index.ts';
import type { EmulatorTarget, TenantTarget } from '../../src/harness/config/target-spec.ts';
import { quotaKeyOf, tenantQuotaLedger } from '../../src/harness/drivers/tenant-quota.ts';
import { ApiAccessError, describeError, isUserError } from '../../src/harness/errors.ts';
import { preflight } from '../../src/harness/preflight.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';
import { tenantTarget } from './tenant-target.ts';

// A stand-in target: answers every path with what `route` says, on `port` (0: any free one).
async function serve(
  route: (path: string) => { status: number; body?: unknown },
  port = 0,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const { status, body } = route(req.url ?? '/');
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(body === undefined ? '' : JSON.stringify(body));
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function failure(spec: EmulatorTarget | TenantTarget): Promise<string> {
  const started = Date.now();
  const error = await preflight(spec, { timeoutMs: 3_000 }).catch((e) => e);
  expect(Date.now() - started, 'the preflight answers within 10 seconds').toBeLessThan(10_000);
  expect(isUserError(error), String(error)).toBe(true);
  return describeError(error);
}

test.afterEach(removeTempDirs);

test.describe('preflight', () => {
  test('a closed port is one line naming the URL and "connection refused"', async () => {
    const { url, server } = await serve(() => ({ status: 200 }));
    await new Promise((done) => server.close(done));
    const error = await failure({ mode: 'emulator', apiBaseUrl: url });
    expect(error).toBe(
      `TargetUnreachableError: ${url}: the API does not answer: connection refused. Check MDE_API_BASE_URL and that the target is running and reachable`,
    );
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
        `^TargetUnreachableError: ${url}/[0-9a-f-]{36}/oauth2/v2\\.0/token: no token: answered 200, but expires_in must be`,
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

  // A token the API refuses is configuration to fix: the app's roles or MDE_SCOPE (exit 2, as a
  // refused sign-in), never a run whose tests read the API's lawful 403 as failures.
  test.describe('a token the API refuses', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJwcmVmbGlnaHQifQ.preflight-token-signature';
    const stand = (list: { status: number; body?: unknown }) =>
      serve((path) =>
        path.includes('/oauth2/')
          ? { status: 200, body: { token_type: 'Bearer', expires_in: 3599, access_token: token } }
          : path === '/api/machineactions?$top=1'
            ? list
            : { status: 404, body: { error: { code: 'NotFound', message: 'no such action' } } },
      );
    const target = (url: string, scope?: string) =>
      tenantTarget({ apiBaseUrl: url, authBaseUrl: url, ...(scope ? { scope } : {}) });

    test('a 403 (an app without roles) names the permissions to grant with admin consent', async () => {
      const { url, server } = await stand({
        status: 403,
        body: { error: { code: 'Forbidden', message: 'Missing application roles.' } },
      });
      const error = await preflight(target(url), { timeoutMs: 3_000 }).catch((e) => e);
      server.close();
      expect(error).toBeInstanceOf(ApiAccessError);
      expect(describeError(error)).toBe(
        `ApiAccessError: GET ${url}/api/machineactions?$top=1 answered 403 Forbidden to the operator app's token: grant the app the application permissions Machine.Read.All and Machine.Scan of WindowsDefenderATP, with admin consent`,
      );
      expect(describeError(error)).not.toContain(token);
    });

    test('a 401 (a token for another resource) names MDE_SCOPE and the scope the API takes', async () => {
      const { url, server } = await stand({ status: 401, body: { error: { code: 'Unauthorized' } } });
      const error = await failure(target(url, 'https://graph.microsoft.com/.default'));
      server.close();
      expect(error).toBe(
        `ApiAccessError: GET ${url}/api/machineactions?$top=1 answered 401 Unauthorized to the operator app's token: check MDE_SCOPE, the token's audience: it asks for https://graph.microsoft.com/.default, the API's scope is ${DEFAULT_SCOPE}`,
      );
    });

    test('a 403 with a scope not the API one names both; a body without the envelope, no code', async () => {
      const { url, server } = await stand({ status: 403, body: 'Forbidden' });
      const error = await failure(target(url, 'https://graph.microsoft.com/.default'));
      server.close();
      expect(error).toMatch(
        /answered 403 to the operator app's token: grant the app .* with admin consent; and check MDE_SCOPE, the token's audience: it asks for https:\/\/graph\.microsoft\.com\/\.default/,
      );
    });

    test('any other answer of the read (200, a 5xx) lets the run go on, as before', async () => {
      for (const list of [{ status: 200, body: { value: [] } }, { status: 503 }, { status: 429 }]) {
        const { url, server } = await stand(list);
        await expect(preflight(target(url), { timeoutMs: 3_000 })).resolves.toBeUndefined();
        server.close();
      }
    });

    // reports/quota.json accounts for every call the run made to the tenant, the preflight's too.
    test("the read counts in the run's quota ledger as the operator's ListMachineActions call", async () => {
      const { url, server } = await stand({ status: 200, body: { value: [] } });
      const resultsDir = tempDir('preflight-ledger-');
      const spec = target(url);
      await preflight(spec, { timeoutMs: 3_000, ledger: { runId: 'run-1', resultsDir } });
      server.close();
      // A worker's call of the same app lands on the same row: the report shows the operator's two.
      const ledger = tenantQuotaLedger(spec, 'run-1', resultsDir);
      ledger.tryReserve(quotaKeyOf(spec, 'operator', spec.credentials.operator), 'ListMachineActions');
      expect(ledger.report().calls).toEqual([
        expect.objectContaining({ caller: 'operator', operationId: 'ListMachineActions', total: 2 }),
      ]);
    });
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

  // Microsoft's library retries a refused connection past the preflight's time; the line says what
  // the authority did, not only that no token came.
  test('an https authority that refuses the connection is said to, not "no token within 3 s"', async () => {
    const api = await serve(() => ({ status: 404 }));
    const closed = await serve(() => ({ status: 404 }));
    await new Promise((done) => closed.server.close(done));
    const authBaseUrl = closed.url.replace(/^http:/, 'https:');
    const error = await failure(tenantTarget({ apiBaseUrl: api.url, authBaseUrl }));
    api.server.close();
    expect(error).toBe(
      `SignInError: secret sign-in at ${authBaseUrl}/72f988bf-86f1-41af-91ab-2d7cd011db47 failed: the authority does not answer: connection refused (check MDE_AUTH_BASE_URL and that the token endpoint is reachable)`,
    );
  });
});
