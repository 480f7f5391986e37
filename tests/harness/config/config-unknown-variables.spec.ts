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

// An emulator author's walk (walk7) set MDE_EMULATOR_URL, as other emulator suites name it: the run
// warned the name is ignored, with no guess, then said the API at the default 127.0.0.1:4010 did not
// answer. A name for a URL, host or endpoint is one of the three origins: the warning names which.
test('a name for a URL, host or endpoint is told the origin variable it most likely meant', () => {
  expect(
    unknownVariableWarnings({
      MDE_EMULATOR_URL: 'http://127.0.0.1:4411',
      MDE_URL: 'http://127.0.0.1:4411',
      MDE_TOKEN_ENDPOINT: 'http://127.0.0.1:4411',
      MDE_CONTROL_URL: 'http://127.0.0.1:4411',
      MDE_AUTHORITY_HOST: 'https://login.microsoftonline.com',
    }).map((line) => line.match(/did you mean (\w+)\?/)?.[1]),
  ).toEqual([
    'MDE_API_BASE_URL',
    'MDE_API_BASE_URL',
    'MDE_AUTH_BASE_URL',
    'MDE_CONTROL_BASE_URL',
    'MDE_AUTH_BASE_URL',
  ]);
});

// A walk trusting the emulator's certificate set MDE_CA_BUNDLE, as other tools name their CA setting:
// the warning guessed nothing, and the next line was the TLS error. Node's variable is the one.
test('a name for a certificate to trust is told NODE_EXTRA_CA_CERTS', () => {
  const lines = unknownVariableWarnings({
    MDE_CA_BUNDLE: '/x.pem',
    MDE_CA_CERTS: '/x.pem',
    MDE_TLS_CA: '/x.pem',
    MDE_TRUSTED_CERTS: '/x.pem',
    MDE_CLIENT_CERT: '/x.pem',
  });
  expect(lines.slice(0, 4).every((line) => line.includes('did you mean NODE_EXTRA_CA_CERTS'))).toBe(true);
  expect(lines[4]).toContain('did you mean MDE_CLIENT_CERTIFICATE_PATH?');
});
