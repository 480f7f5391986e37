import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { DEFAULT_SCOPE } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { withoutMdeVariables } from '../helpers/script-env.ts';
import { removeTempDirs } from '../helpers/temp-dir.ts';
import { httpsStandIn } from './https-stand-in.ts';

// MDE_CREDENTIAL=default against an authority that is not Microsoft's (the emulator over HTTPS): the
// default chain must not ask login.microsoftonline.com about it (instance discovery), as the other
// credentials do not; it did, and the run stopped with "endpoints_resolution_error", exit 3.

const TENANT = '5b0e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-aabbccddeeff';

test.afterEach(removeTempDirs);

test('MDE_CREDENTIAL=default signs in at an authority of its own, with no instance discovery', async () => {
  let origin = '';
  // An Entra-shaped authority: the tenant's OpenID configuration, and a token for any request.
  const authority = await httpsStandIn((path) =>
    path.startsWith(`/${TENANT}/v2.0/.well-known/openid-configuration`)
      ? {
          status: 200,
          body: JSON.stringify({
            issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
            authorization_endpoint: `${origin}/${TENANT}/oauth2/v2.0/authorize`,
            token_endpoint: `${origin}/${TENANT}/oauth2/v2.0/token`,
            end_session_endpoint: `${origin}/${TENANT}/oauth2/v2.0/logout`,
            jwks_uri: `${origin}/${TENANT}/discovery/v2.0/keys`,
          }),
        }
      : path.startsWith(`/${TENANT}/oauth2/v2.0/token`)
        ? {
            status: 200,
            body: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 'a.b.c' }),
          }
        : { status: 404, body: '{}' },
  );
  origin = authority.url;
  // A child process: @azure/identity trusts the certificate only through NODE_EXTRA_CA_CERTS at start.
  const script = `
    const { tokenSourceFor } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, 'src/harness/identity/token-source.ts')).href)});
    const source = tokenSourceFor({ kind: 'default', clientId: ${JSON.stringify(CLIENT)} },
      { authBaseUrl: ${JSON.stringify(origin)}, tenantId: ${JSON.stringify(TENANT)} });
    try { await source.token(${JSON.stringify(DEFAULT_SCOPE)}); console.log('signed in'); }
    catch (error) { console.log(error.message); }`;
  const run = await new Promise<{ stdout: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: {
        ...withoutMdeVariables(),
        NODE_EXTRA_CA_CERTS: authority.caFile,
        AZURE_TENANT_ID: TENANT,
        AZURE_CLIENT_ID: CLIENT,
        AZURE_CLIENT_SECRET: 'default-chain-secret-value-1',
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('close', () => done({ stdout }));
  });
  await authority.close();
  expect(run.stdout.trim()).toBe('signed in');
});
