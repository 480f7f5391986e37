import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { credentialDestinationPolicy } from '../../../src/harness/identity/credential-destination.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { openIdConfiguration, STAND_IN_CLIENT, STAND_IN_TENANT } from '../stand-ins/entra-stand-in.ts';
import { httpsStandIns } from '../stand-ins/https-stand-in.ts';

// msal-node posts the client secret or assertion to whatever token_endpoint the authority's OpenID
// configuration names. A loopback authority (an emulator, a stand-in) naming another origin had the
// credential sent there: with https://192.0.2.1/..., off the machine. Here the other origin is a second
// loopback stand-in, which must hear nothing.

const TENANT = STAND_IN_TENANT;
const CLIENT = STAND_IN_CLIENT;
const SECRET = 'destination-check-secret-1';

test.afterEach(removeTempDirs);

test('a credential goes to no token endpoint off the authority origin that the OpenID configuration names', async () => {
  const heard: string[] = [];
  let elsewhere = '';
  const [authority, other] = await httpsStandIns([
    (path) =>
      path.startsWith(`/${TENANT}/v2.0/.well-known/openid-configuration`)
        ? openIdConfiguration(elsewhere)
        : { status: 404, body: '{}' },
    (path) => {
      heard.push(path);
      return {
        status: 200,
        body: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 'a.b.c' }),
      };
    },
  ]);
  elsewhere = other!.url;
  const dir = tempDir('credential-destination-');
  const caFile = authority!.caFile;
  const tokenFile = join(dir, 'federated-token');
  writeFileSync(tokenFile, 'federated-token-for-the-destination-check');
  const sources = {
    secret: { kind: 'secret', clientId: CLIENT, secretVariable: 'MDE_CLIENT_SECRET' },
    federated: { kind: 'federated', clientId: CLIENT, tokenFile },
  };
  // A child process: @azure/identity trusts the certificates only through NODE_EXTRA_CA_CERTS at start.
  const script = `
    const { tokenSourceFor } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src/harness/identity/token-source.ts')).href)});
    for (const [name, spec] of Object.entries(${JSON.stringify(sources)})) {
      const source = tokenSourceFor(spec, { authBaseUrl: ${JSON.stringify(authority!.url)}, tenantId: ${JSON.stringify(TENANT)} });
      try { await source.token(${JSON.stringify(DEFAULT_SCOPE)}); console.log(JSON.stringify({ name, signedIn: true })); }
      catch (error) { console.log(JSON.stringify({ name, message: error.message, refused: error.refused })); }
    }`;
  const stdout = await new Promise<string>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...withoutMdeVariables(), NODE_EXTRA_CA_CERTS: caFile, MDE_CLIENT_SECRET: SECRET },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('close', () => done(out));
  });
  await Promise.all([authority!.close(), other!.close()]);
  expect(heard).toEqual([]);
  const outcomes = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(outcomes.map((o) => o.name)).toEqual(['secret', 'federated']);
  for (const outcome of outcomes) {
    // Configuration to fix (exit 2), not a target to wait for; the line names where it would have gone.
    expect(outcome.refused).toBe(true);
    expect(outcome.message).toContain(`names a token endpoint at ${elsewhere}`);
    expect(outcome.message).not.toContain(SECRET);
  }
});

test('the policy lets a request pass that carries no credential or goes to the authority origin', async () => {
  const refusals: unknown[] = [];
  const { policy } = credentialDestinationPolicy('https://127.0.0.1:8443', (e) => refusals.push(e));
  const sent: string[] = [];
  const next = async (request: { url: string }) => {
    sent.push(request.url);
    return {} as never;
  };
  const send = (url: string, body?: unknown) =>
    policy.sendRequest({ url, body } as never, next as never).then(
      () => 'sent',
      () => 'refused',
    );
  expect(await send('https://127.0.0.1:8443/t/oauth2/v2.0/token', 'client_secret=x&grant_type=y')).toBe(
    'sent',
  );
  expect(await send('https://192.0.2.1/t/v2.0/.well-known/openid-configuration')).toBe('sent');
  expect(await send('https://192.0.2.1/t/oauth2/v2.0/token', 'grant_type=y&client_secret=x')).toBe('refused');
  expect(await send('https://192.0.2.1/t/oauth2/v2.0/token', 'client_assertion=a.b.c')).toBe('refused');
  expect(await send('https://127.0.0.1:9443/t/oauth2/v2.0/token', Buffer.from('client_secret=x'))).toBe(
    'refused',
  );
  expect(sent.filter((url) => url.includes('192.0.2.1') || url.includes(':9443'))).toEqual([
    'https://192.0.2.1/t/v2.0/.well-known/openid-configuration',
  ]);
  expect(refusals).toHaveLength(3);
});
