import { loadConfig } from '../../../src/harness/config/load-config.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { problems } from './config-env.ts';

// MDE_TARGET=emulator with a Microsoft host (a tenant's .env switched to emulator mode): the run would
// ask the Defender API for an emulator's control protocol, or Entra ID for tokens of apps it registered
// on the emulator with secrets it made up. Refused before any request, in one line per variable.
test('an emulator run refuses a Microsoft API or sign-in host, naming the variable and what to set', () => {
  const lines = problems({
    MDE_TARGET: 'emulator',
    MDE_API_BASE_URL: 'https://api.securitycenter.microsoft.com/',
    MDE_AUTH_BASE_URL: 'https://login.microsoftonline.com',
    MDE_CONTROL_BASE_URL: 'https://EU.api.security.microsoft.com',
  });
  expect(lines).toHaveLength(3);
  for (const [line, name] of lines.map((l, i) => [l, ['API', 'AUTH', 'CONTROL'][i]] as const)) {
    expect(line).toMatch(new RegExp(`^ConfigError: MDE_${name}_BASE_URL is a Microsoft host \\(`));
    expect(line).toContain('set MDE_TARGET=tenant');
  }
});

test('an emulator anywhere else is taken: loopback, a container name, another machine', () => {
  for (const url of [
    'http://127.0.0.1:4010',
    'https://localhost:4443',
    'http://mde-emulator:4010',
    'http://192.0.2.7:8080',
  ])
    expect(loadConfig({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: url }).target).toMatchObject({
      mode: 'emulator',
      apiBaseUrl: new URL(url).origin,
    });
});
