import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childOutput } from '../../helpers/child-output.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { expect, test } from '../emulator-fixture.ts';
import { HttpsEmulator, READ_ROLES, TENANT } from './https-emulator.ts';
import { clientCertificate } from './test-credentials.ts';

// docs/test-your-automation.md's MSAL for Python snippet, run as written on a machine that sets
// REQUESTS_CA_BUNDLE (many CI images do, this project's VM among them): requests let that variable win
// over the verify= MSAL sets on its session, and the snippet as it stood failed with
// CERTIFICATE_VERIFY_FAILED after the guide's own steps. Needs a Python with MSAL (python3-msal).
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const guide = readFileSync(join(REPO, 'docs/test-your-automation.md'), 'utf8');
const snippet = /```python\n([\s\S]*?)```/.exec(guide)?.[1];

const python = ['python3', '/usr/bin/python3'].find(
  (candidate) => spawnSync(candidate, ['-c', 'import msal, requests'], { stdio: 'ignore' }).status === 0,
);

test.afterAll(removeTempDirs);

test('the guide has an MSAL for Python snippet', () => {
  expect(snippet).toContain('msal.ConfidentialClientApplication');
});

test('the MSAL for Python snippet gets a token and calls the API where REQUESTS_CA_BUNDLE names another bundle', async () => {
  test.skip(python === undefined, 'needs a python3 with MSAL for Python and requests (python3-msal)');
  test.setTimeout(60_000);
  const emulator = await HttpsEmulator.start();
  try {
    await emulator.registerApp({ clientId: 'guide-python', clientSecret: 's3cret', roles: READ_ROLES });
    // The user's working directory, as the guide's steps leave it: the certificate in .emulator/.
    const cwd = tempDir('guide-python-');
    mkdirSync(join(cwd, '.emulator'));
    writeFileSync(join(cwd, '.emulator', 'tls-cert.pem'), emulator.running.certificatePem!);
    // A bundle that does not hold the emulator's certificate, as a machine's system bundle does not.
    const otherBundle = join(cwd, 'other-bundle.pem');
    writeFileSync(otherBundle, (await clientCertificate()).cert);
    writeFileSync(join(cwd, 'msal_snippet.py'), snippet!);
    // Not spawnSync: the emulator answers from this process.
    const child = spawn(python!, ['msal_snippet.py'], {
      cwd,
      timeout: 45_000,
      env: {
        PATH: process.env.PATH,
        REQUESTS_CA_BUNDLE: otherBundle,
        CURL_CA_BUNDLE: otherBundle,
        AZURE_AUTHORITY_HOST: emulator.url,
        MDE_API_BASE_URL: emulator.url,
        AZURE_TENANT_ID: TENANT,
        AZURE_CLIENT_ID: 'guide-python',
        AZURE_CLIENT_SECRET: 's3cret',
      },
    });
    const run = await childOutput(child);
    // A traceback ends with its error: the line to show beside what was printed.
    expect(run.stdout.trim(), run.stderr.trim().split('\n').at(-1)).toBe('200 0');
    expect(run.stderr).toBe('');
  } finally {
    await emulator.close();
  }
});
