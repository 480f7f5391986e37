import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
