import { selftestEnvFileWarnings } from '../../src/selftest/env-file-settings.ts';
import { expect, test } from '../helpers/api-test.ts';

// MDE_SELFTEST_ONLY in .env (as .env.example lists it) was ignored without a word and the whole
// matrix ran: npm run selftest reads its variables from the environment only. It says so.
test('a self-test variable set only in .env is one warning line giving the command line to use', () => {
  expect(selftestEnvFileWarnings({ MDE_SELFTEST_ONLY: 'profile:default', MDE_TARGET: 'tenant' }, {})).toEqual(
    [
      'warning: MDE_SELFTEST_ONLY is set in .env, which npm run selftest does not read (it reads its variables from the environment only); set it on the command line: MDE_SELFTEST_ONLY=profile:default npm run selftest',
    ],
  );
});

test('one the environment sets too, or an empty one, is not warned of', () => {
  expect(
    selftestEnvFileWarnings(
      { MDE_SELFTEST_ONLY: 'profile:default', MDE_SELFTEST_WORKERS: '' },
      { MDE_SELFTEST_ONLY: 'fault:cancel-new-id' },
    ),
  ).toEqual([]);
});
