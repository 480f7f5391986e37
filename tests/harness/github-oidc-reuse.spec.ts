import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { DEFAULT_SCOPE } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { withoutMdeVariables } from '../helpers/script-env.ts';
import { removeTempDirs } from '../helpers/temp-dir.ts';
import { httpsStandIn } from './https-stand-in.ts';

// msal-node asks for the client assertion before every token request, even one its cache answers: a
// GitHub OIDC run asked GitHub for a new id token at each of its ~240 API calls (404 requests on a
// tenant rehearsal), each a chance of a passing GitHub failure ending a test without a verdict.

const TENANT = '5b0e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-aabbccddeeff';

test.afterEach(removeTempDirs);

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

test("a GitHub OIDC sign-in reuses the job's id token while it is valid", async () => {
  let origin = '';
  const authority = await httpsStandIn((path) =>
    path.startsWith(`/${TENANT}/v2.0/.well-known/openid-configuration`)
      ? {
          status: 200,
          body: JSON.stringify({
            issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
            authorization_endpoint: `${origin}/${TENANT}/oauth2/v2.0/authorize`,
            token_endpoint: `${origin}/${TENANT}/oauth2/v2.0/token`,
            jwks_uri: `${origin}/${TENANT}/discovery/v2.0/keys`,
          }),
        }
      : path.startsWith(`/${TENANT}/oauth2/v2.0/token`)
        ? {
            status: 200,
            body: JSON.stringify({
              token_type: 'Bearer',
              expires_in: 3599,
              access_token: `${part({ alg: 'RS256' })}.${part({ roles: [] })}.c2ln`,
            }),
          }
        : { status: 404, body: '{}' },
  );
  origin = authority.url;
  let asked = 0;
  const github = createServer((_, res) => {
    asked += 1;
    const now = Math.floor(Date.now() / 1000);
    const idToken = `${part({ alg: 'RS256' })}.${part({ iat: now, exp: now + 300 })}.c2ln`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: idToken }));
  });
  await new Promise<void>((done) => github.listen(0, '127.0.0.1', done));
  const githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}/token?api-version=2.0`;
  const spec = { kind: 'github-oidc', clientId: CLIENT };
  // A child process: @azure/identity trusts the certificate only through NODE_EXTRA_CA_CERTS at start.
  const script = `
    const { tokenSourceFor } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src/harness/identity/token-source.ts')).href)});
    const source = tokenSourceFor(${JSON.stringify(spec)}, { authBaseUrl: ${JSON.stringify(authority.url)}, tenantId: ${JSON.stringify(TENANT)} });
    for (let i = 0; i < 3; i++) await source.token(${JSON.stringify(DEFAULT_SCOPE)});
    console.log('signed in');`;
  const out = await new Promise<string>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: {
        ...withoutMdeVariables(),
        NODE_EXTRA_CA_CERTS: authority.caFile,
        ACTIONS_ID_TOKEN_REQUEST_URL: githubUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'github-request-token-value-reuse',
      },
    });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
    });
    child.stderr.on('data', (chunk) => {
      text += chunk;
    });
    child.on('close', () => done(text));
  });
  await authority.close();
  github.close();
  expect(out.trim()).toBe('signed in');
  expect(asked).toBe(1);
});

test('an id token is fetched again a minute before its exp, and one whose exp cannot be read every time', async () => {
  const { reusedWhileValid } = await import('../../src/harness/identity/reused-assertion.ts');
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
