import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { emulatorIssuing, failure } from '../stand-ins/preflight-stand-in.ts';

// An emulator whose token endpoint issues opaque tokens (run against a proxy that swapped each JWT for
// an opaque key and back): the preflight let it through, then 5 tests of AUTH.INVALID and AUTH.EXPIRED
// ended on "TypeError: Invalid Token or Protected Header formatting" and "JWTInvalid: Invalid JWT",
// and the run exited 2, a suite error, as though the suite had broken. The suite reads and re-signs
// the API's tokens as Entra ID issues them (docs/interfaces.md#emulator-token-endpoint): the preflight
// says so in one line, exit 3.

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

for (const [what, token] of <[string, string][]>[
  ['an opaque token', 'opq-4f9a2c'],
  ['three parts that are no JSON', 'a.b.c'],
  ['a header without alg', `${part({ typ: 'JWT' })}.${part({ exp: 1 })}.c2ln`],
  ['a payload that is no object', `${part({ alg: 'RS256' })}.${part([1])}.c2ln`],
]) {
  test(`${what} as the access token stops the preflight, saying the suite needs a JWT`, async () => {
    const { url, server } = await emulatorIssuing(token);
    const error = await failure({ mode: 'emulator', apiBaseUrl: url });
    server.close();
    expect(error).toMatch(new RegExp(`^TargetAnswerError: ${url}/[0-9a-f-]{36}/oauth2/v2\\.0/token: `));
    expect(error).toContain('access_token is not a JWT');
    expect(error).toContain('docs/interfaces.md#emulator-token-endpoint');
    expect(error).not.toContain(token);
  });
}

test('a JWT, signed or not, passes the preflight', async () => {
  const { url, server } = await emulatorIssuing(
    `${part({ alg: 'RS256', kid: 'k' })}.${part({ exp: 1 })}.c2ln`,
  );
  await expect(
    preflight({ mode: 'emulator', apiBaseUrl: url }, { timeoutMs: 3_000 }),
  ).resolves.toBeUndefined();
  server.close();
});
