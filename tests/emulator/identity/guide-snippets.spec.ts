import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { expect, test } from '../emulator-fixture.ts';
import { HttpsEmulator, READ_ROLES, TENANT } from './https-emulator.ts';
import { clientCertificate, EXCHANGE_AUDIENCE, identityProvider } from './test-credentials.ts';

// docs/test-your-automation.md promises its Node snippets work as written: each ```js <file>.mjs block is
// pulled out of the guide and run, as a user would run it, in its own Node process with only the
// environment the guide sets, against an HTTPS emulator.
test.describe.configure({ mode: 'serial' });

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const guide = readFileSync(join(REPO, 'docs/test-your-automation.md'), 'utf8');
const snippets = [...guide.matchAll(/```js ([\w.-]+\.mjs)\n([\s\S]*?)```/g)].map(([, file, code]) => ({
  file: file!,
  code: code!,
}));
// Inside the repository, so that the snippets resolve @azure/* from its node_modules.
const DIR = join(REPO, 'test-results', 'guide-snippets');

// The key and the federated token outside the repository: under test-results/ a later run's leak
// scan would (rightly) report them.
let secrets: string;
let emulator: HttpsEmulator;
let env: Record<string, Record<string, string>>;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  emulator = await HttpsEmulator.start();
  const [certificate, github] = await Promise.all([clientCertificate(), identityProvider()]);
  mkdirSync(DIR, { recursive: true });
  secrets = tempDir('guide-snippets-');
  const certificatePath = join(secrets, 'client-certificate.pem');
  const tokenFile = join(secrets, 'federated-token.jwt');
  writeFileSync(certificatePath, `${certificate.cert}${certificate.key}`);
  writeFileSync(tokenFile, await github.sign({ sub: 'ci', aud: EXCHANGE_AUDIENCE }));
  await emulator.registerApp({ clientId: 'guide-secret', clientSecret: 's3cret', roles: READ_ROLES });
  await emulator.registerApp({ clientId: 'guide-cert', certificate: certificate.cert, roles: READ_ROLES });
  await emulator.registerApp({
    clientId: 'guide-federated',
    federatedCredentials: [
      { issuer: github.issuer, subject: 'ci', audiences: [EXCHANGE_AUDIENCE], jwks: github.jwks },
    ],
    roles: READ_ROLES,
  });
  const common = {
    AZURE_AUTHORITY_HOST: emulator.url,
    MDE_API_BASE_URL: emulator.url,
    AZURE_TENANT_ID: TENANT,
  };
  const secret = { ...common, AZURE_CLIENT_ID: 'guide-secret', AZURE_CLIENT_SECRET: 's3cret' };
  env = {
    'msal-node.mjs': secret,
    'azure-identity.mjs': secret,
    'azure-identity-certificate.mjs': {
      ...common,
      AZURE_CLIENT_ID: 'guide-cert',
      AZURE_CLIENT_CERTIFICATE_PATH: certificatePath,
    },
    'azure-identity-federated.mjs': {
      ...common,
      AZURE_CLIENT_ID: 'guide-federated',
      AZURE_FEDERATED_TOKEN_FILE: tokenFile,
    },
  };
});

test.afterAll(async () => {
  await emulator?.close();
  removeTempDirs();
});

test('the guide has a Node snippet for msal-node and for each @azure/identity credential', () => {
  expect(snippets.map((s) => s.file)).toEqual(Object.keys(env));
});

test('every Node snippet of the guide gets a token and calls the API (200)', async () => {
  const runs = await Promise.all(
    snippets.map(async ({ file, code }) => {
      writeFileSync(join(DIR, file), code);
      return {
        file,
        run: await emulator.runNode(join('test-results', 'guide-snippets', file), '', env[file]!),
      };
    }),
  );
  for (const { file, run } of runs) {
    expect(run.stderr, file).toBe('');
    expect(run.stdout.trim(), file).toBe('200 0');
  }
});

// AZURE_AUTHORITY_HOST is often written with a trailing slash, which @azure/identity and the suite take;
// the guide's msal-node snippet built `https://host//tenant` from it and failed with msal-node's
// endpoints_resolution_error (MSAL for Python's with a ValueError), found by a walk.
test('every Node snippet of the guide also works with AZURE_AUTHORITY_HOST ending in a slash', async () => {
  const runs = await Promise.all(
    snippets.map(async ({ file, code }) => {
      const slashed = `slash-${file}`;
      writeFileSync(join(DIR, slashed), code);
      const withSlash = { ...env[file]!, AZURE_AUTHORITY_HOST: `${emulator.url}/` };
      return {
        file,
        run: await emulator.runNode(join('test-results', 'guide-snippets', slashed), '', withSlash),
      };
    }),
  );
  for (const { file, run } of runs) expect(run.stdout.trim(), `${file}: ${run.stderr}`).toBe('200 0');
});
