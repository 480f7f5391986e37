import { exposureWarning } from '../../../src/emulator/cli/network-exposure.ts';
import { expect, test } from '../../helpers/api-test.ts';

// `npm run emulator -- --host 0.0.0.0` serves the control protocol, which has no authentication, to the
// network: said once at start. Loopback in any spelling says nothing, nor does an emulator without it.
test('an emulator listening beyond loopback with its control protocol on warns; loopback does not', () => {
  for (const url of [
    'http://127.0.0.1:4010',
    'http://127.8.9.10:1',
    'http://localhost:4010',
    'https://[::1]:4010',
  ])
    expect(exposureWarning(url, true), url).toBeUndefined();
  for (const url of ['http://0.0.0.0:4010', 'http://[::]:4010', 'http://emulator.example.test:4010'])
    expect(exposureWarning(url, true), url).toMatch(
      /^warning: listening on .+, beyond this machine: .*--no-control$/,
    );
  expect(exposureWarning('http://0.0.0.0:4010', false)).toBeUndefined();
});
