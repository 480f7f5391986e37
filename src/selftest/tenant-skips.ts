import { tenantCase } from './case-names.ts';

// Why a tenant run may leave a test untested (the suite's own skip reasons in tenant mode, each a
// safety switch off, an app or a second tenant not configured, or a state a tenant cannot be put in).
// A rehearsal's skip for any other reason hides a test as a lawful profile's would (judge-skips.ts);
// a reason declared here and not met fails too, so the list follows the suite.
const EVERY_TENANT_RUN = [
  'a tenant run starts only scans, one at a time on its device',
  "a tenant's Succeeded actions, found through its list, all finished by themselves",
  'needs a second tenant, which a single-tenant run does not have',
  'an expired token needs an hour of real time on a tenant',
  "a tenant's Microsoft Graph token carries a nonce",
  'needs an app holding',
  'a token whose roles come in a chosen order needs an app the suite registers',
  'deliberately exhausting a tenant rate limit needs MDE_ALLOW_THROTTLING=true',
];

export const TENANT_SKIP_REASONS: Readonly<Record<string, readonly string[]>> = {
  // With writes on, the tests that need a running action: a new scan starts Pending.
  [tenantCase('writes')]: [
    ...EVERY_TENANT_RUN,
    'a new tenant action starts Pending; InProgress cannot be arranged',
  ],
  [tenantCase('read-only')]: [...EVERY_TENANT_RUN, 'needs MDE_ALLOW_WRITES=true and MDE_MACHINE_ID'],
};
