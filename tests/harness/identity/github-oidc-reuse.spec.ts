import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { entraStandIn, STAND_IN_CLIENT, signInInChild } from '../stand-ins/entra-stand-in.ts';

// msal-node asks for the client assertion before every token request, even one its cache answers: a
// GitHub OIDC run asked GitHub for a new id token at each of its ~240 API calls (404 requests on a
// tenant rehearsal), each a chance of a passing GitHub failure ending a test without a verdict.

test.afterEach(removeTempDirs);

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

test("a GitHub OIDC sign-in reuses the job's id token while it is valid", async () => {
  const authority = await entraStandIn(`${part({ alg: 'RS256' })}.${part({ roles: [] })}.c2ln`);
  let asked = 0;
  const github = createServer((_, res) => {
    asked += 1;
    const now = Math.floor(Date.now() / 1000);
    const idToken = `${part({ alg: 'RS256' })}.${part({ iat: now, exp: now + 300 })}.c2ln`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: idToken }));
  });
  await new Promise<void>((done) => github.listen(0, '127.0.0.1', done));
  const githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}/token?api-version=2.0`;
  const out = await signInInChild(
    { kind: 'github-oidc', clientId: STAND_IN_CLIENT },
    authority,
    {
      ACTIONS_ID_TOKEN_REQUEST_URL: githubUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'github-request-token-value-reuse',
    },
    3,
  );
  await authority.close();
  github.close();
  expect(out.trim()).toBe('signed in');
  expect(asked).toBe(1);
});

test('an id token is fetched again a minute before its exp, and one whose exp cannot be read every time', async () => {
  const { reusedWhileValid } = await import('../../../src/harness/identity/reused-assertion.ts');
  let now = 1_000_000_000_000;
  let fetched = 0;
  const jwt = () => `${part({ alg: 'RS256' })}.${part({ exp: now / 1000 + 300, n: ++fetched })}.c2ln`;
  const assertion = reusedWhileValid(async () => jwt(), { now: () => now });
  const first = await assertion();
  now += 239_000;
  expect(await assertion()).toBe(first);
  now += 1_000;
  expect(await assertion()).not.toBe(first);
  expect(fetched).toBe(2);
  const opaque = reusedWhileValid(async () => `opaque-${++fetched}`, { now: () => now });
  expect(await opaque()).not.toBe(await opaque());
});
