import { unknownVariableWarnings } from '../../../src/harness/config/unknown-variables.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A misspelt switch leaves its default in force (writes off, half the quota): the run says so.
test('an MDE_* variable nothing reads is one warning, with the setting it most likely meant', () => {
  expect(
    unknownVariableWarnings({
      MDE_ALLOW_WRITE: 'true',
      mde_allow_writes: 'true',
      MDE_QUOTA: '0.1',
      MDE_NOTHING_LIKE_IT: '1',
    }),
  ).toEqual([
    'warning: MDE_ALLOW_WRITE is not a setting of this suite and is ignored; did you mean MDE_ALLOW_WRITES? (docs/interfaces.md lists them)',
    'warning: mde_allow_writes is not a setting of this suite and is ignored; did you mean MDE_ALLOW_WRITES? (docs/interfaces.md lists them)',
    'warning: MDE_QUOTA is not a setting of this suite and is ignored; did you mean MDE_QUOTA_SHARE? (docs/interfaces.md lists them)',
    'warning: MDE_NOTHING_LIKE_IT is not a setting of this suite and is ignored (docs/interfaces.md lists them)',
  ]);
});

test('every variable the suite reads, here or elsewhere, and every other name pass quietly', () => {
  expect(
    unknownVariableWarnings({
      MDE_TARGET: 'tenant',
      MDE_ROLE_ISOLATE_CLIENT_ID: 'x',
      MDE_BASELINE: 'b',
      MDE_EMULATOR_PORT: '4010',
      MDE_SELFTEST_ONLY: 'profile:default',
      AZURE_CLIENT_ID: 'x',
      PATH: '/bin',
    }),
  ).toEqual([]);
});
