import { DEFAULT_SCOPE } from '../../src/contract/index.ts';
import type { TenantTarget } from '../../src/harness/config/target-spec.ts';

// A tenant target with every safety switch off, for the harness's own tests; override what a test needs.
process.env.MDE_HARNESS_TEST_SECRET ??= 'secret-value-1';

export function tenantTarget(overrides: Partial<TenantTarget> = {}): TenantTarget {
  return {
    mode: 'tenant',
    apiBaseUrl: 'https://api.securitycenter.microsoft.com',
    authBaseUrl: 'https://login.microsoftonline.com',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    scope: DEFAULT_SCOPE,
    allowWrites: false,
    allowThrottling: false,
    allowHourThrottling: false,
    quotaShare: 0.5,
    quotaScope: 'operation',
    credentials: {
      operator: {
        kind: 'secret',
        clientId: '11111111-2222-4333-8444-555555555555',
        secretVariable: 'MDE_HARNESS_TEST_SECRET',
      },
      roles: {},
    },
    ...overrides,
  };
}
