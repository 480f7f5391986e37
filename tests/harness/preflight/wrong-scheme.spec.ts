import { describeError } from '../../../src/harness/errors.ts';
import { PLAIN_HTTP_ANSWER } from '../../../src/harness/http/fetch-error.ts';
import { TLS_ANSWER } from '../../../src/harness/http/speaks-tls.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { type EmulatorProcess, startEmulatorProcess } from './emulator-process.ts';

// The scheme of each URL the preflight reaches, against the reference emulator over HTTP and over
// HTTPS: the wrong one is one line naming the variable to set and its value. The HTTPS emulator
// answers a plain request 400 (it dropped it before), which read as a control protocol it lacked.

let plain: EmulatorProcess;
let tls: EmulatorProcess;
const started: EmulatorProcess[] = [];

// One group, so the beforeAll (two emulator processes) runs once: in parallel, Playwright splits a file
// with a beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
// One after the other: one that fails to start leaves no other running.
test.beforeAll(async () => {
  plain = await startEmulatorProcess();
  started.push(plain);
  tls = await startEmulatorProcess(['--https']);
  started.push(tls);
});
test.afterAll(async () => {
  for (const emulator of started) await emulator.close();
  removeTempDirs();
});

const asHttp = (url: string) => url.replace(/^https:/, 'http:');
const asHttps = (url: string) => url.replace(/^http:/, 'https:');

async function line(spec: Parameters<typeof preflight>[0]): Promise<string> {
  return describeError(await preflight(spec, { timeoutMs: 3_000 }).catch((e: unknown) => e));
}

test('an http:// MDE_API_BASE_URL for the HTTPS emulator names the https:// URL to set', async () => {
  expect(await line({ mode: 'emulator', apiBaseUrl: asHttp(tls.url) })).toBe(
    `TargetUnreachableError: ${asHttp(tls.url)}: ${TLS_ANSWER}. Set MDE_API_BASE_URL=${tls.url} and trust its certificate with NODE_EXTRA_CA_CERTS`,
  );
});

test('an http:// MDE_CONTROL_BASE_URL for an HTTPS control origin names that variable, not a protocol it lacks', async () => {
  const error = await line({
    mode: 'emulator',
    apiBaseUrl: plain.url,
    controlBaseUrl: asHttp(tls.url),
  });
  expect(error).toBe(
    `TargetUnreachableError: ${asHttp(tls.url)}: ${TLS_ANSWER}. Set MDE_CONTROL_BASE_URL=${tls.url} and trust its certificate with NODE_EXTRA_CA_CERTS`,
  );
});

test('an http:// MDE_AUTH_BASE_URL for an HTTPS token endpoint names that variable, not "no access_token"', async () => {
  const error = await line({ mode: 'emulator', apiBaseUrl: plain.url, authBaseUrl: asHttp(tls.url) });
  expect(error).toBe(
    `TargetUnreachableError: ${asHttp(tls.url)}: ${TLS_ANSWER}. Set MDE_AUTH_BASE_URL=${tls.url} and trust its certificate with NODE_EXTRA_CA_CERTS`,
  );
});

// A tenant rehearsal signs in with a secret over http itself (@azure/identity refuses http): the HTTPS
// emulator's 400 read as "no access_token among its members" and exit 3, to check the endpoint's reach.
test("a tenant run's http:// MDE_AUTH_BASE_URL for an HTTPS emulator names the https:// URL to set", async () => {
  process.env.MDE_HARNESS_TEST_SECRET = 'wrong-scheme-secret-value';
  try {
    const spec = tenantTarget({ apiBaseUrl: plain.url, authBaseUrl: asHttp(tls.url) });
    expect(await line(spec)).toBe(
      `TargetUnreachableError: ${asHttp(tls.url)}: ${TLS_ANSWER}. Set MDE_AUTH_BASE_URL=${tls.url} and trust its certificate with NODE_EXTRA_CA_CERTS`,
    );
  } finally {
    delete process.env.MDE_HARNESS_TEST_SECRET;
  }
});

test('https:// control and token URLs for a plain-HTTP emulator name the http:// URL to set', async () => {
  const control = await line({ mode: 'emulator', apiBaseUrl: plain.url, controlBaseUrl: asHttps(plain.url) });
  expect(control).toBe(
    `TargetUnreachableError: ${asHttps(plain.url)}: ${PLAIN_HTTP_ANSWER}. Set MDE_CONTROL_BASE_URL=${plain.url}`,
  );
  const auth = await line({ mode: 'emulator', apiBaseUrl: plain.url, authBaseUrl: asHttps(plain.url) });
  expect(auth).toBe(
    `TargetUnreachableError: ${asHttps(plain.url)}: ${PLAIN_HTTP_ANSWER}. Set MDE_AUTH_BASE_URL=${plain.url}`,
  );
});

test('a plain-HTTP emulator with the right URLs passes the preflight (its 400s are not taken for TLS)', async () => {
  await preflight({ mode: 'emulator', apiBaseUrl: plain.url }, { timeoutMs: 3_000 });
});

test('an HTTPS emulator whose certificate is not trusted is told how to trust it, not to check it is running', async () => {
  const said = await line({ mode: 'emulator', apiBaseUrl: tls.url });
  expect(said).toContain('TLS certificate problem');
  expect(said).toContain('Node reads NODE_EXTRA_CA_CERTS from the environment as it starts, not from .env');
  expect(said).not.toContain('that the target is running');
});
