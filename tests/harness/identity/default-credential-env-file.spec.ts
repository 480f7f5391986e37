import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { tokenSourceFor } from '../../../src/harness/identity/token-source.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import {
  entraStandIn,
  STAND_IN_CLIENT,
  STAND_IN_TENANT,
  signInInChild,
} from '../stand-ins/entra-stand-in.ts';

// A walk set MDE_CREDENTIAL=default and the chain's own AZURE_TENANT_ID, AZURE_CLIENT_ID and
// AZURE_CLIENT_SECRET in .env, which the suite reads: the chain reads the environment alone, found
// nothing, and the run said to set the three variables the .env set. The chain now gets those .env
// sets and the environment does not, as every other setting of .env is read.

test.afterEach(removeTempDirs);

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
  const out = await signInInChild({ kind: 'default' }, authority, {}, 1, dir);
  await authority.close();
  expect(out.trim()).toBe('signed in');
});

// Handed to the chain as it is made, not left in process.env: every child process of the run started
// after the sign-in (Playwright's runner, Allure's Java CLI, the chain's own `az`) was given the secret
// of .env in its environment.
test('the AZURE_* variables .env hands the chain are not left in process.env', async () => {
  const dir = tempDir('default-env-file-');
  writeFileSync(
    join(dir, '.env'),
    [`AZURE_TENANT_ID=${STAND_IN_TENANT}`, 'AZURE_CLIENT_SECRET=default-chain-env-file-secret-2'].join('\n'),
  );
  const names = ['AZURE_TENANT_ID', 'AZURE_CLIENT_SECRET'];
  const saved = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) delete process.env[name];
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const source = tokenSourceFor(
      { kind: 'default', clientId: STAND_IN_CLIENT },
      { authBaseUrl: 'https://127.0.0.1:9', tenantId: STAND_IN_TENANT },
    );
    await source.token(DEFAULT_SCOPE).catch(() => {});
    expect(names.filter((name) => process.env[name] !== undefined)).toEqual([]);
  } finally {
    process.chdir(cwd);
    for (const [name, value] of saved)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
});
