import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { httpsStandIn } from '../stand-ins/https-stand-in.ts';

// @azure/identity sends every request through HTTPS_PROXY (or HTTP_PROXY, ALL_PROXY, in either case)
// unless NO_PROXY names the host exactly. Set on many corporate machines and CI runners, it took a
// tenant rehearsal's sign-in at a loopback emulator to the proxy: endpoints_resolution_error, and a
// line sending the user to MDE_AUTH_BASE_URL, though curl and msal-node signed in there.

const TENANT = '5b0e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-aabbccddeeff';

test.afterEach(removeTempDirs);

test('a loopback authority is signed in to directly, whatever proxy the environment names', async () => {
  const authority = await httpsStandIn((path) =>
    path.startsWith(`/${TENANT}/v2.0/.well-known/openid-configuration`)
      ? { status: 200, body: JSON.stringify(openidConfiguration(url)) }
      : path.startsWith(`/${TENANT}/oauth2/v2.0/token`)
        ? {
            status: 200,
            body: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 'a.b.c' }),
          }
        : { status: 404, body: '{}' },
  );
  const url = authority.url;
  // The proxy: it hears the CONNECT and drops it, as a proxy that cannot reach this machine's loopback.
  const heard: string[] = [];
  const proxy = createServer((socket) => {
    socket.once('data', (chunk) => heard.push(chunk.toString('latin1').split('\r\n')[0]!));
    socket.on('error', () => {});
    setTimeout(() => socket.destroy(), 10);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const spec = { kind: 'secret', clientId: CLIENT, secretVariable: 'MDE_CLIENT_SECRET' };
  const script = `
    const { tokenSourceFor } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src/harness/identity/token-source.ts')).href)});
    const source = tokenSourceFor(${JSON.stringify(spec)}, { authBaseUrl: ${JSON.stringify(url)}, tenantId: ${JSON.stringify(TENANT)} });
    try { await source.token(${JSON.stringify(DEFAULT_SCOPE)}); console.log(JSON.stringify({ signedIn: true })); }
    catch (error) { console.log(JSON.stringify({ message: error.message })); }`;
  const outcomes: unknown[] = [];
  for (const variable of ['HTTPS_PROXY', 'http_proxy', 'ALL_PROXY']) {
    const stdout = await new Promise<string>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repoRoot,
        env: {
          ...withoutProxyVariables(withoutMdeVariables()),
          NODE_EXTRA_CA_CERTS: authority.caFile,
          MDE_CLIENT_SECRET: 'loopback-proxy-secret-1',
          [variable]: proxyUrl,
        },
      });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      child.on('close', () => done(out));
    });
    outcomes.push(JSON.parse(stdout.trim() || '{}'));
  }
  await authority.close();
  await new Promise<void>((done) => proxy.close(() => done()));
  expect(outcomes).toEqual([{ signedIn: true }, { signedIn: true }, { signedIn: true }]);
  expect(heard).toEqual([]);
});

function openidConfiguration(origin: string) {
  return {
    issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    authorization_endpoint: `${origin}/${TENANT}/oauth2/v2.0/authorize`,
    token_endpoint: `${origin}/${TENANT}/oauth2/v2.0/token`,
    end_session_endpoint: `${origin}/${TENANT}/oauth2/v2.0/logout`,
    jwks_uri: `${origin}/${TENANT}/discovery/v2.0/keys`,
  };
}

function withoutProxyVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(https?|all|no)_proxy$/i.test(name)));
}
