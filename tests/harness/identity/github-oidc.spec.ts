import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { githubOidcToken } from '../../../src/harness/identity/github-oidc.ts';
import { signInError } from '../../../src/harness/identity/sign-in-error.ts';
import { fingerprint, readFingerprints } from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

// GitHub's OIDC endpoint is asked before Entra ID: its refusal is the job's configuration (exit 2), and
// the line says so, never "check MDE_AUTH_BASE_URL".
const spec = { kind: 'github-oidc', clientId: '11111111-2222-4333-8444-555555555555' } as const;
const authority = { authBaseUrl: 'https://127.0.0.1:4443', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
const REQUEST_TOKEN = 'github-request-token-value-31';
const FIX = '(check ACTIONS_ID_TOKEN_REQUEST_URL and that GitHub Actions is up, then run the job again)';

async function oidcEndpoint(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((_, res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}'),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`, server };
}

// The sign-in error of a GitHub OIDC failure, as @azure/identity hands it over: its message alone.
async function signInAgainst(url: string) {
  const error = await githubOidcToken({
    ACTIONS_ID_TOKEN_REQUEST_URL: url,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
  }).catch((e: Error) => e);
  expect(error).toBeInstanceOf(Error);
  return signInError(new Error((error as Error).message), spec, authority);
}

test('a 401 or 403 of GitHub is a refusal naming the permission the job needs', async () => {
  for (const status of [401, 403]) {
    const { url, server } = await oidcEndpoint(status);
    const signIn = await signInAgainst(url);
    server.close();
    expect(signIn.refused).toBe(true);
    expect(signIn.message).toBe(
      `github-oidc sign-in at ${authority.authBaseUrl}/${authority.tenantId} failed: GitHub's OIDC endpoint refused the job's OIDC request token or URL (${status}) (check the workflow's \`permissions: id-token: write\`, and that ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN are the ones GitHub set for this job)`,
    );
    expect(signIn.message).not.toContain(REQUEST_TOKEN);
  }
});

test('a 5xx or no answer of GitHub is a service to retry, named as GitHub, not the authority', async () => {
  const failing = await oidcEndpoint(503);
  const closed = await oidcEndpoint(200);
  await new Promise((done) => closed.server.close(done));
  const lines = [];
  for (const url of [failing.url, closed.url]) {
    const signIn = await signInAgainst(url);
    expect(signIn.refused).toBe(false);
    lines.push(signIn.message.replace(/^.* failed: /, ''));
  }
  failing.server.close();
  const fix = '(check ACTIONS_ID_TOKEN_REQUEST_URL and that GitHub Actions is up, then run the job again)';
  expect(lines).toEqual([
    `GitHub's OIDC endpoint answered 503 ${fix}`,
    `GitHub's OIDC endpoint does not answer: connection refused ${fix}`,
  ]);
});

test("an answer of GitHub without a token (not JSON) is GitHub's to retry, not the authority's", async () => {
  const page = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>'),
  );
  await new Promise<void>((done) => page.listen(0, '127.0.0.1', done));
  const signIn = await signInAgainst(`http://127.0.0.1:${(page.address() as AddressInfo).port}/token`);
  page.close();
  expect(signIn.refused).toBe(false);
  expect(signIn.message.replace(/^.* failed: /, '')).toBe(
    `GitHub's OIDC endpoint answered 200 with no token ${FIX}`,
  );
});

test('an answer of GitHub cut off or too large is told as such, not as one without a token', async () => {
  // Declares 100 bytes, sends 12 and closes: the body never arrives whole.
  const cut = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"value":"ey');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  // 17 MiB in chunks, no Content-Length: only counting what arrives stops it.
  const flood = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"value":"');
    const chunk = 'a'.repeat(1024 * 1024);
    for (let i = 0; i < 17; i++) res.write(chunk);
    res.end('"}');
  });
  const lines = [];
  for (const server of [cut, flood]) {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const signIn = await signInAgainst(`http://127.0.0.1:${(server.address() as AddressInfo).port}/token`);
    server.closeAllConnections();
    server.close();
    expect(signIn.refused).toBe(false);
    lines.push(signIn.message.replace(/^.* failed: /, ''));
  }
  expect(lines).toEqual([
    `GitHub's OIDC endpoint answered 200 but its body did not arrive whole: connection closed by the other side ${FIX}`,
    `GitHub's OIDC endpoint answered 200 with a body over 16 MiB, which no token is ${FIX}`,
  ]);
});

test.afterEach(removeTempDirs);

// The job's id token is a credential Entra ID takes for the app: fingerprinted like every issued token,
// so the leak scan finds any copy of it, even a part that no longer has a JWT's shape.
test("the job's OIDC id token is fingerprinted for the leak scan, not only redacted", async () => {
  const idToken = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vciJ9.${'s'.repeat(86)}`;
  const server = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: idToken })),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const file = join(tempDir('oidc-fingerprints-'), 'fingerprints');
  const before = process.env.MDE_SECRETS_FINGERPRINTS_FILE;
  process.env.MDE_SECRETS_FINGERPRINTS_FILE = file;
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN };
    expect(await githubOidcToken(env)).toBe(idToken);
  } finally {
    if (before === undefined) delete process.env.MDE_SECRETS_FINGERPRINTS_FILE;
    else process.env.MDE_SECRETS_FINGERPRINTS_FILE = before;
    server.close();
  }
  expect(readFingerprints(file)).toContainEqual(fingerprint(idToken));
});
