import { loadConfig } from '../../../src/harness/config/load-config.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { problems, TENANT } from './config-env.ts';

// MDE_QUOTA_SHARE=0.001 passed the configuration, then every test's first call was refused with its
// own stack trace and the run ended exit 2 with 14 requirements ERROR. It is a setting: one line before
// any test, naming the least share that leaves a call a minute of the contract's 100.
test('a tenant share that leaves the API no call a minute is one ConfigError line naming the least share', () => {
  expect(problems({ ...TENANT, MDE_QUOTA_SHARE: '0.001' })).toEqual([
    'ConfigError: MDE_QUOTA_SHARE leaves the API no call a minute (its documented limit is 100 a minute); set it to at least 0.01 (got "0.001")',
  ]);
});

test('the least share that leaves one call a minute is taken', () => {
  const { target } = loadConfig({ ...TENANT, MDE_QUOTA_SHARE: '0.01' });
  expect(target.mode === 'tenant' && target.quotaShare).toBe(0.01);
});
