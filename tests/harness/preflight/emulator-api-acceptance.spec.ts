import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { emulatorIssuing, failure } from '../stand-ins/preflight-stand-in.ts';

// An emulator whose API refused every token its own token endpoint issued (a proxy in front of it that
// dropped the Authorization header; an API checking another key or audience) passed the preflight, then
// 54 tests failed in a minute and a half, each row "→ 401: expected status 200". Nothing can be judged
// through an API that takes no token: the preflight reads once with the token it got, and says so.

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const TOKEN = `${part({ alg: 'RS256', kid: 'k' })}.${part({ exp: 1, roles: ['Machine.Read.All'] })}.c2ln`;

// Clock, apps and token as the protocol says; the list of one action answers `list` to a call with a token.
const emulatorWhoseListAnswers = (list: { status: number; body?: unknown }) =>
  emulatorIssuing(TOKEN, 3599, list);

test("an API that answers 401 to the token endpoint's own token stops the preflight in one line", async () => {
  const { url, server } = await emulatorWhoseListAnswers({
    status: 401,
    body: { error: { code: 'Unauthorized', message: 'no' } },
  });
  const error = await failure({ mode: 'emulator', apiBaseUrl: url });
  server.close();
  expect(error).toMatch(
    new RegExp(
      `^TargetAnswerError: ${url}/api/machineactions\\?\\$top=1: answered 401 Unauthorized to a token the token endpoint had just issued`,
    ),
  );
  expect(error).toContain('Authorization');
  expect(error).toContain('docs/interfaces.md#emulator-token-endpoint');
  expect(error).not.toContain(TOKEN);
  expect(error.split('\n')).toHaveLength(1);
});

test('a 403 to a token holding Machine.Read.All names the roles claim', async () => {
  const { url, server } = await emulatorWhoseListAnswers({ status: 403 });
  const error = await failure({ mode: 'emulator', apiBaseUrl: url });
  server.close();
  expect(error).toMatch(/answered 403 to a token the token endpoint had just issued/);
  expect(error).toContain('Machine.Read.All');
  expect(error).toContain('roles');
});

// Any other answer (a 404 for an API without $top, a 500) is the tests' to judge, as before.
for (const status of [200, 404, 500]) {
  test(`a list answering ${status} lets the run start`, async () => {
    const { url, server } = await emulatorWhoseListAnswers({ status, body: { value: [] } });
    await expect(
      preflight({ mode: 'emulator', apiBaseUrl: url }, { timeoutMs: 3_000 }),
    ).resolves.toBeUndefined();
    server.close();
  });
}

// A token of an audience the API does not serve is refused with 403 (docs/contract.md#audience): with
// MDE_SCOPE naming another resource, the lawful 403 was blamed on the API's reading of roles.
test('a 403 to a token asked for with another MDE_SCOPE names that scope, not only the roles claim', async () => {
  const { url, server } = await emulatorWhoseListAnswers({ status: 403 });
  const scope = 'https://management.azure.com/.default';
  const error = await failure({ mode: 'emulator', apiBaseUrl: url, scope });
  server.close();
  expect(error).toMatch(/answered 403 to a token the token endpoint had just issued/);
  expect(error).toContain(`MDE_SCOPE asks for ${scope}`);
  expect(error).toContain('docs/contract.md#audience');
  expect(error.split('\n')).toHaveLength(1);
});

// A Python emulator that put the whole scope in `aud` (`.../.default` kept) refused its own tokens with
// 403, as the contract says a token of another audience is refused (docs/contract.md#audience); the
// preflight blamed its reading of the roles claim, which held Machine.Read.All all along.
const tokenWith = (claims: Record<string, unknown>) => `${part({ alg: 'HS256' })}.${part(claims)}.c2ln`;

test('a 403 to a token whose aud is not the scope without /.default names the aud claim', async () => {
  const aud = 'https://api.securitycenter.microsoft.com/.default';
  const { url, server } = await emulatorIssuing(
    tokenWith({ exp: 1, aud, roles: ['Machine.Read.All'] }),
    3599,
    {
      status: 403,
    },
  );
  const error = await failure({ mode: 'emulator', apiBaseUrl: url });
  server.close();
  expect(error).toMatch(/answered 403 to a token the token endpoint had just issued/);
  expect(error).toContain(`The token's aud claim is "${aud}"`);
  expect(error).toContain('docs/contract.md#audience');
  expect(error).not.toContain("must read the app's roles");
  expect(error.split('\n')).toHaveLength(1);
});

test('a 403 to a token whose roles claim lacks Machine.Read.All names the token endpoint', async () => {
  const aud = 'https://api.securitycenter.microsoft.com';
  const { url, server } = await emulatorIssuing(tokenWith({ exp: 1, aud }), 3599, { status: 403 });
  const error = await failure({ mode: 'emulator', apiBaseUrl: url });
  server.close();
  expect(error).toContain("The token's roles claim does not hold Machine.Read.All");
  expect(error).toContain('docs/interfaces.md#emulator-token-endpoint');
  expect(error.split('\n')).toHaveLength(1);
});
