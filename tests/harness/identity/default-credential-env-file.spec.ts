import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { entraStandIn, STAND_IN_CLIENT, STAND_IN_TENANT } from '../stand-ins/entra-stand-in.ts';

// A walk set MDE_CREDENTIAL=default and the chain's own AZURE_TENANT_ID, AZURE_CLIENT_ID and
// AZURE_CLIENT_SECRET in .env, which the suite reads: the chain reads the environment alone, found
// nothing, and the run said to set the three variables the .env set. The chain now gets those .env
// sets and the environment does not, as every other setting of .env is read.

test.afterEach(removeTempDirs);

const tsx = pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
const source = pathToFileURL(join(repoRoot, 'src/harness/identity/token-source.ts')).href;

function signInFrom(cwd: string, authority: { url: string; caFile: string }): Promise<string> {
  const script = `
    const { tokenSourceFor } = await import(${JSON.stringify(source)});
    const source = tokenSourceFor({ kind: 'default' },
      { authBaseUrl: ${JSON.stringify(authority.url)}, tenantId: ${JSON.stringify(STAND_IN_TENANT)} });
    try { await source.token(${JSON.stringify(DEFAULT_SCOPE)}); console.log('signed in'); }
    catch (error) { console.log(error.message); }`;
  const env: NodeJS.ProcessEnv = { ...withoutMdeVariables(), NODE_EXTRA_CA_CERTS: authority.caFile };
  for (const name of Object.keys(env)) if (name.startsWith('AZURE_')) delete env[name];
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      cwd,
      env,
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

test("MDE_CREDENTIAL=default signs in with the chain's AZURE_* variables set in .env", async () => {
  const authority = await entraStandIn('a.b.c');
  const dir = tempDir('default-env-file-');
  writeFileSync(
    join(dir, '.env'),
    [
      'MDE_CREDENTIAL=default',
      `AZURE_TENANT_ID=${STAND_IN_TENANT}`,
      `AZURE_CLIENT_ID=${STAND_IN_CLIENT}`,
      'AZURE_CLIENT_SECRET=default-chain-env-file-secret-1',
    ].join('\n'),
  );
  const out = await signInFrom(dir, authority);
  await authority.close();
  expect(out.trim()).toBe('signed in');
});
