import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

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

// A token endpoint that answers and refuses the app: credentials to fix (exit 2), not a target to retry.
test('npm run conformance exits 2 when the token endpoint refuses the app, never showing its secret', async () => {
  const server = createServer((req, res) => {
    if (req.url?.includes('/oauth2/'))
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const secret = 'cli-refused-secret-value-7';
  const run = await new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, CONFORMANCE_ARGS, {
      cwd: tempDir('conformance-refused-'),
      env: {
        ...withoutMdeVariables(),
        MDE_TARGET: 'tenant',
        MDE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        MDE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
        MDE_CLIENT_SECRET: secret,
        MDE_API_BASE_URL: url,
        MDE_AUTH_BASE_URL: url,
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => done({ status, stderr }));
  });
  server.close();
  expect(run.stderr).toContain('SignInError: secret sign-in at');
  expect(run.stderr).toContain('invalid_client (401)');
  expect(run.stderr).not.toContain(secret);
  expect(run.status).toBe(2);
});
