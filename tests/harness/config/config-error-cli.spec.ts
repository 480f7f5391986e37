import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fingerprint } from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { httpsStandIn } from '../stand-ins/https-stand-in.ts';

// Both ways a user starts a run stop on a bad environment with one line per problem and exit 2,
// never a stack trace (docs/interfaces.md#environment).
const LINE = 'ConfigError: MDE_TARGET must be one of embedded, emulator, tenant (got "prod")';
const env = { ...withoutMdeVariables(), MDE_TARGET: 'prod' };

for (const [how, args] of [
  ['npm run conformance', ['--import', 'tsx', 'scripts/conformance.ts']],
  ['npx playwright test', ['node_modules/@playwright/test/cli.js', 'test', '--list']],
] as const) {
  test(`${how} with MDE_TARGET=prod prints one line and exits 2`, async () => {
    const run = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr.trim().split('\n')).toEqual([LINE]);
    expect(run.status).toBe(2);
  });

  test(`${how} points out a misspelt variable before the error`, async () => {
    const run = spawnSync(process.execPath, args, {
      env: { ...env, MDE_ALLOW_WRITE: 'true' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^warning: MDE_ALLOW_WRITE is not a setting .*did you mean MDE_ALLOW_WRITES\?/),
      LINE,
    ]);
    expect(run.status).toBe(2);
  });
}

test.afterEach(removeTempDirs);

// A tenant stand-in on loopback: `answer` says what each request gets.
async function standIn(answer: (url: string) => { status: number; body: string }) {
  const server = createServer((req, res) => {
    const { status, body } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// npm run conformance in tenant mode against `url`, in a directory of its own.
function conformanceAgainst(
  url: string,
  secret: string,
  env: Record<string, string> = {},
  { args = [], cwd = tempDir('conformance-refused-') }: { args?: string[]; cwd?: string } = {},
) {
  return new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [...CONFORMANCE_ARGS, ...args], {
      cwd,
      env: {
        ...withoutMdeVariables(),
        MDE_TARGET: 'tenant',
        MDE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        MDE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
        MDE_CLIENT_SECRET: secret,
        MDE_API_BASE_URL: url,
        MDE_AUTH_BASE_URL: url,
        ...env,
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => done({ status, stderr }));
  });
}

// A token endpoint that answers and refuses the app: credentials to fix (exit 2), not a target to retry.
// The run stops in a directory holding an earlier run's fingerprints and the made-up token they match:
// a stopped run must not be leak-scanned against them (its global set-up, never reached, begins the
// fingerprints file), or after npm test, whose unit tests fingerprint made-up values their own
// artefacts hold, it would read exit 4, a leak, instead of 2. One run proves both.
test("npm run conformance exits 2 when the token endpoint refuses the app, never showing its secret nor judged on an earlier run's tokens", async () => {
  const cwd = tempDir('conformance-earlier-fingerprints-');
  const earlier = 'earlier-run-made-up-token-41';
  mkdirSync(join(cwd, 'test-results'), { recursive: true });
  const { sha256, length } = fingerprint(earlier);
  writeFileSync(join(cwd, 'test-results', '.secrets-fingerprints'), `${sha256} ${length}\n`);
  writeFileSync(join(cwd, 'test-results', 'earlier-unit-test.txt'), `a unit test printed ${earlier}\n`);
  const { server, url } = await standIn((path) =>
    path.includes('/oauth2/')
      ? { status: 401, body: '{"error":"invalid_client"}' }
      : { status: 404, body: '' },
  );
  const secret = 'cli-refused-secret-value-7';
  const run = await conformanceAgainst(url, secret, {}, { cwd });
  server.close();
  expect(run.stderr).toContain('SignInError: secret sign-in at');
  expect(run.stderr).toContain('invalid_client (401)');
  expect(run.stderr).not.toContain(secret);
  expect(run.status).toBe(2);
});

// A token the API refuses (an app without roles) is configuration as well: exit 2 before any test.
test('npm run conformance exits 2 when the API refuses the token of the operator app, never showing it', async () => {
  const token = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJjbGkifQ.cli-refused-token-signature';
  const { server, url } = await standIn((path) =>
    path.includes('/oauth2/')
      ? { status: 200, body: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: token }) }
      : path === '/api/machineactions?$top=1'
        ? { status: 403, body: '{"error":{"code":"Forbidden","message":"Missing application roles."}}' }
        : { status: 404, body: '{"error":{"code":"NotFound","message":"no such action"}}' },
  );
  const run = await conformanceAgainst(url, 'cli-roles-secret-value-8');
  server.close();
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^ApiAccessError: GET http:\/\/127\.0\.0\.1:\d+\/api\/machineactions\?\$top=1 answered 403 Forbidden to the operator app's token: grant the app the application permissions Machine\.Read\.All and Machine\.Scan/,
    ),
  ]);
  expect(run.stderr).not.toContain(token);
  expect(run.status).toBe(2);
});

// Microsoft's library says only "endpoints_resolution_error" for a tenant its authority does not know;
// the line gives what the authority answered, and it is configuration to fix (exit 2), not unreachable.
test('npm run conformance exits 2 naming AADSTS90002 and MDE_TENANT_ID for a tenant the authority does not know', async () => {
  const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const standIn = await httpsStandIn((path) =>
    path === `/${tenant}/v2.0/.well-known/openid-configuration`
      ? {
          status: 400,
          body: JSON.stringify({
            error: 'invalid_tenant',
            error_description: `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.\r\nTrace ID: 1\r\nCorrelation ID: 2\r\nTimestamp: 2026-12-03 15:51:06Z`,
            error_codes: [90002],
          }),
        }
      : { status: 404, body: '{"error":{"code":"NotFound","message":"no such action"}}' },
  );
  const run = await conformanceAgainst(standIn.url, 'cli-tenant-secret-value-9', {
    NODE_EXTRA_CA_CERTS: standIn.caFile,
  });
  await standIn.close();
  expect(run.stderr.trim().split('\n')).toEqual([
    `SignInError: secret sign-in at ${standIn.url}/${tenant} failed: the authority answered 400 invalid_tenant: AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. (no such tenant: check MDE_TENANT_ID)`,
  ]);
  expect(run.status).toBe(2);
});

// A listing runs no test: it must not sign in or call the tenant, and a target it cannot reach must not
// replace the last run's reports with a stopped-run report.
test('npm run conformance -- --list neither reaches the tenant nor touches the last run', async () => {
  const asked: string[] = [];
  const { server, url } = await standIn((path) => {
    asked.push(path);
    return { status: 503, body: '' };
  });
  const cwd = tempDir('conformance-listing-');
  const report = join(cwd, 'reports', 'compliance.json');
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, '{"summary":{"exitCode":1}}');
  for (const args of [['--list'], ['--help']]) {
    const run = await conformanceAgainst(url, 'cli-listing-secret-value-9', {}, { args, cwd });
    expect(run.stderr).not.toContain('TargetUnreachableError');
  }
  server.close();
  expect(asked).toEqual([]);
  expect(readFileSync(report, 'utf8')).toBe('{"summary":{"exitCode":1}}');
});
