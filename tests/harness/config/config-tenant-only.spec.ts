import { tenantOnlyWarnings } from '../../../src/harness/config/tenant-only.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A walk rehearsed a tenant run against its HTTPS emulator with MDE_TARGET=emulator: the run took its
// tenant id, secret and MDE_ALLOW_WRITES without a word, registered apps of its own, and moved the
// emulator's clock, after which the rehearsal's certificate sign-in was refused AADSTS700024.
test('tenant settings with MDE_TARGET=emulator are one warning naming them and MDE_TARGET=tenant', () => {
  const lines = tenantOnlyWarnings(
    { MDE_TENANT_ID: 't', MDE_CLIENT_SECRET: 'not-shown-secret', MDE_ALLOW_WRITES: 'true' },
    'emulator',
  );
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /^warning: MDE_TENANT_ID, MDE_CLIENT_SECRET, MDE_ALLOW_WRITES are read only with MDE_TARGET=tenant; .*set MDE_TARGET=tenant/,
  );
  expect(lines[0]).not.toContain('not-shown-secret');
});

test('the embedded and tenant targets, and an emulator run without them, warn of nothing', () => {
  const env = { MDE_CLIENT_SECRET: 's' };
  expect(tenantOnlyWarnings(env, 'embedded')).toEqual([]);
  expect(tenantOnlyWarnings(env, 'tenant')).toEqual([]);
  expect(tenantOnlyWarnings({ MDE_CLIENT_SECRET: '' }, 'emulator')).toEqual([]);
});
