import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { markedLinesOfChild } from '../../helpers/marked-lines-child.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { httpsStandIn } from './https-stand-in.ts';

// By its path: a child run outside the repository finds no tsx of its own.
const TSX = pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;

export const STAND_IN_TENANT = '5b0e2c1a-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
export const STAND_IN_CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-aabbccddeeff';

// An Entra-shaped authority over HTTPS on loopback: the tenant's OpenID configuration, and this access
// token for any token request. The spec removes its certificate file with removeTempDirs.
// The authority's metadata, as Entra ID serves it for STAND_IN_TENANT, its endpoints at `origin`.
export function openIdConfiguration(origin: string) {
  const tenant = STAND_IN_TENANT;
  return {
    status: 200,
    body: JSON.stringify({
      issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
      authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
      token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
      end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
      jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
    }),
  };
}

export async function entraStandIn(accessToken: string) {
  let origin = '';
  const tenant = STAND_IN_TENANT;
  const authority = await httpsStandIn((path) =>
    path.startsWith(`/${tenant}/v2.0/.well-known/openid-configuration`)
      ? openIdConfiguration(origin)
      : path.startsWith(`/${tenant}/oauth2/v2.0/token`)
        ? {
            status: 200,
            body: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: accessToken }),
          }
        : { status: 404, body: '{}' },
  );
  origin = authority.url;
  return authority;
}

// Signs in `times` times with the suite's token source for `spec`, in a child process run in `cwd`:
// @azure/identity trusts the stand-in's certificate only through NODE_EXTRA_CA_CERTS at start. Only
// `env`'s AZURE_* variables reach it, none of this process's. Its output: "signed in", or the error's
// message.
export function signInInChild(
  spec: Record<string, unknown>,
  authority: { url: string; caFile: string },
  env: Record<string, string>,
  times = 1,
  cwd = repoRoot,
): Promise<string> {
  const source = pathToFileURL(join(repoRoot, 'src/harness/identity/token-source.ts')).href;
  const script = `
    const { tokenSourceFor } = await import(${JSON.stringify(source)});
    const source = tokenSourceFor(${JSON.stringify(spec)},
      { authBaseUrl: ${JSON.stringify(authority.url)}, tenantId: ${JSON.stringify(STAND_IN_TENANT)} });
    try {
      for (let i = 0; i < ${times}; i++) await source.token(${JSON.stringify(DEFAULT_SCOPE)});
      console.log('signed in');
    } catch (error) { console.log(error.message); }`;
  const inherited = withoutMdeVariables();
  for (const name of Object.keys(inherited)) if (name.startsWith('AZURE_')) delete inherited[name];
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], {
      cwd,
      env: { ...inherited, NODE_EXTRA_CA_CERTS: authority.caFile, ...env },
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
}

// Signs in once at each of `authorities` (one certificate file between them, httpsStandIns), side by
// side in one child: @azure/identity costs a child about a second of CPU to load, the same for one
// authority or nine. Its output: "signed in" or the error's message, one for each authority, in order,
// and whatever else the child printed.
export function signInAtEachInChild(
  spec: Record<string, unknown>,
  authorities: { url: string; caFile: string }[],
  env: Record<string, string>,
): Promise<{ lines: string[]; other: string }> {
  const caFiles = new Set(authorities.map((a) => a.caFile));
  if (caFiles.size !== 1)
    throw new Error('signInAtEachInChild: the authorities must share one certificate file');
  const source = pathToFileURL(join(repoRoot, 'src/harness/identity/token-source.ts')).href;
  const script = `
    const { tokenSourceFor } = await import(${JSON.stringify(source)});
    const lines = await Promise.all(${JSON.stringify(authorities.map((a) => a.url))}.map(async (authBaseUrl) => {
      const source = tokenSourceFor(${JSON.stringify(spec)}, { authBaseUrl, tenantId: ${JSON.stringify(STAND_IN_TENANT)} });
      try {
        await source.token(${JSON.stringify(DEFAULT_SCOPE)});
        return 'signed in';
      } catch (error) { return error.message; }
    }));
`;
  return markedLinesOfChild(script, 'sign-in lines: ', { NODE_EXTRA_CA_CERTS: [...caFiles][0]!, ...env });
}
