import { tokenOwnLifetime } from '../../../../src/harness/drivers/emulator/token-lifetime.ts';
import { preflight } from '../../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { emulatorDriverAt } from '../../stand-ins/emulator-driver-at.ts';
import { jsonStandIn } from '../../stand-ins/json-stand-in.ts';
import { emulatorIssuing, failure } from '../../stand-ins/preflight-stand-in.ts';

// An emulator's token endpoint whose expires_in is not its tokens' lifetime. One whose tokens died long
// before expires_in said (run against a proxy that answered expires_in 36000 for 3599 s tokens) failed
// RATE.RECOVER (MUST, "answered 401" after the hour limit's wait): the suite kept a dead token, and the
// API that refused it was failed. One whose tokens outlive expires_in left the suite's expired token
// alive, which would fail AUTH.EXPIRED the same way.

const NOW = Math.floor(Date.parse('2026-03-02T10:00:00Z') / 1000);
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, number>) => `${part({ alg: 'RS256' })}.${part(claims)}.c2ln`;

test("a JWT's own lifetime is exp less iat (or nbf); none for another token", () => {
  expect(tokenOwnLifetime(jwt({ iat: NOW, exp: NOW + 3599 }))).toBe(3599);
  expect(tokenOwnLifetime(jwt({ nbf: NOW - 300, exp: NOW + 3599 }))).toBe(3899);
  expect(tokenOwnLifetime(jwt({ exp: NOW + 3599 }))).toBeUndefined();
  expect(tokenOwnLifetime('opaque-token')).toBeUndefined();
  expect(tokenOwnLifetime('a.bm90IGpzb24.c')).toBeUndefined();
});

test('a token that dies before expires_in says stops the preflight, naming both and what to fix', async () => {
  const { url, server } = await emulatorIssuing(jwt({ iat: NOW, exp: NOW + 60 }), 3599);
  const error = await failure({ mode: 'emulator', apiBaseUrl: url });
  server.close();
  expect(error).toMatch(new RegExp(`^TargetAnswerError: ${url}/[0-9a-f-]{36}/oauth2/v2\\.0/token: `));
  expect(error).toContain(
    "answered 200 with expires_in 3599, but the token's exp claim ends it 60 s after its iat",
  );
  expect(error).toContain('docs/interfaces.md#emulator-token-endpoint');
});

test('a token whose exp matches expires_in, or whose iat is set back a few minutes, passes the preflight', async () => {
  for (const token of [jwt({ iat: NOW, exp: NOW + 3599 }), jwt({ iat: NOW - 300, exp: NOW + 3599 })]) {
    const { url, server } = await emulatorIssuing(token, 3599);
    await expect(
      preflight({ mode: 'emulator', apiBaseUrl: url }, { timeoutMs: 3_000 }),
    ).resolves.toBeUndefined();
    server.close();
  }
});

test("the expired identity's token is taken past its own exp when that outlives expires_in", async () => {
  const advanced: number[] = [];
  const stand = await jsonStandIn(({ url, body, json }) => {
    if (url === '/_emulator/clock/advance') advanced.push(JSON.parse(body).seconds);
    if (url.startsWith('/_emulator/clock'))
      return json(200, { now: new Date((NOW + advanced.reduce((a, b) => a + b, 0)) * 1000).toISOString() });
    if (url.startsWith('/_emulator/')) return json(201, {});
    const token = jwt({ iat: NOW, exp: NOW + 7200 });
    return json(200, { token_type: 'Bearer', expires_in: 600, access_token: token });
  });
  try {
    const driver = emulatorDriverAt(stand.url);
    await driver.token('expired');
    expect(advanced).toHaveLength(1);
    expect(advanced[0]).toBeGreaterThan(7200);
  } finally {
    await stand.close();
  }
});
