import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import {
  entraStandIn,
  STAND_IN_CLIENT,
  STAND_IN_TENANT,
  signInInChild,
} from '../stand-ins/entra-stand-in.ts';

// MDE_CREDENTIAL=default against an authority that is not Microsoft's (the emulator over HTTPS): the
// default chain must not ask login.microsoftonline.com about it (instance discovery), as the other
// credentials do not; it did, and the run stopped with "endpoints_resolution_error", exit 3.

test.afterEach(removeTempDirs);

test('MDE_CREDENTIAL=default signs in at an authority of its own, with no instance discovery', async () => {
  const authority = await entraStandIn('a.b.c');
  const out = await signInInChild({ kind: 'default', clientId: STAND_IN_CLIENT }, authority, {
    AZURE_TENANT_ID: STAND_IN_TENANT,
    AZURE_CLIENT_ID: STAND_IN_CLIENT,
    AZURE_CLIENT_SECRET: 'default-chain-secret-value-1',
  });
  await authority.close();
  expect(out.trim()).toBe('signed in');
});
