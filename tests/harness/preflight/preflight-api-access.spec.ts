import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { quotaKeyOf, tenantQuotaLedger } from '../../../src/harness/drivers/tenant/tenant-quota.ts';
import { ApiAccessError, describeError } from '../../../src/harness/errors.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { failure, serve } from '../stand-ins/preflight-stand-in.ts';

test.afterEach(removeTempDirs);

// The preflight's read of the API with the token it got: what it says of a refusal (the other lines
// of the preflight: preflight.spec.ts).
test.describe('preflight', () => {
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

    // A walk's app granted Machine.Scan alone read "grant ... Machine.Read.All and Machine.Scan", with
    // nothing saying which one its token lacked; the token's roles claim says it (role names only).
    test('a 403 to a token whose roles claim is readable names the roles it holds', async () => {
      const claims = Buffer.from(JSON.stringify({ aud: 'preflight', roles: ['Machine.Scan'] })).toString(
        'base64url',
      );
      const scanOnly = `eyJhbGciOiJSUzI1NiJ9.${claims}.preflight-token-signature`;
      const { url, server } = await serve((path) =>
        path.includes('/oauth2/')
          ? { status: 200, body: { token_type: 'Bearer', expires_in: 3599, access_token: scanOnly } }
          : { status: 403, body: { error: { code: 'Forbidden', message: 'Missing application roles.' } } },
      );
      const error = await failure(target(url));
      server.close();
      expect(error).toContain("with admin consent (the token's roles: Machine.Scan)");
      expect(error).not.toContain(scanOnly);
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
});
