import { describeError } from '../../../src/harness/errors.ts';
import { probeOrigin } from '../../../src/harness/preflight/origin-probe.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A walk behind a corporate proxy (HTTPS_PROXY set, no direct route out): the sign-in went through the
// proxy (@azure/identity reads it), then the API's probe, which the suite sends directly, read "DNS lookup
// failed ... check that the target is running", naming nothing the user could fix. The line now says the
// API is called directly, never through the proxy the variable names. A documentation address: no route.
const API = 'https://192.0.2.1:9/api/machineactions?$top=1';

async function said(env: Record<string, string | undefined>): Promise<string> {
  try {
    await probeOrigin(API, 1_000, true, '', env);
    return 'passed';
  } catch (error) {
    return describeError(error);
  }
}

test('a proxy variable set for a remote API is named: the suite calls the API directly', async () => {
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY']) {
    const line = await said({ [name]: 'http://user:pa55@192.0.2.7:3128' });
    expect(line).toContain(`${name} is set, but the suite calls the API directly, never through a proxy`);
    // The proxy's URL may carry a password: never shown.
    expect(line).not.toContain('pa55');
  }
});

test('no proxy variable, or NO_PROXY naming the host, leaves the line as it was', async () => {
  for (const env of [
    {},
    { HTTPS_PROXY: 'http://192.0.2.7:3128', NO_PROXY: '192.0.2.1' },
    { HTTPS_PROXY: 'http://192.0.2.7:3128', no_proxy: '*' },
  ]) {
    const line = await said(env);
    expect(line).toContain('the API does not answer');
    expect(line).not.toContain('PROXY is set');
  }
});
