import { spawn } from 'node:child_process';
import { loggedUrl } from '../../../src/emulator/http/logged-request.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The emulator's log (--log-level info) names each request. A credential a client put in the query
// (RFC 6750's ?access_token=, a client_secret sent the wrong way) must not reach it; the OData options
// the list route reads stay, to tell which list was asked for.
const TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJsb2cifQ.logged-token-signature-fake';
const SECRET = 'query-client-secret-fake-77';

test('a request with a credential in its query is logged without the credential', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/emulator/cli/main.ts', '--port', '0', '--log-level', 'info'],
    { env: withoutEmulatorVariables(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  try {
    await expect
      .poll(() => /listening on (http:\/\/\S+)/.exec(output)?.[1], { timeout: 30_000 })
      .toBeTruthy();
    const origin = /listening on (http:\/\/\S+)/.exec(output)![1]!;
    await fetch(`${origin}/api/machineactions?access_token=${TOKEN}`);
    await fetch(`${origin}/api/machineactions?$top=1&client_secret=${SECRET}`);
    await expect.poll(() => output.match(/incoming request/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  } finally {
    child.kill();
  }
  expect(output).toContain('/api/machineactions?access_token=[redacted]');
  expect(output).toContain('/api/machineactions?$top=1&client_secret=[redacted]');
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(SECRET);
});

test('a URL keeps its path, its OData options and every name of its query', () => {
  expect(loggedUrl('/api/machineactions/abc')).toBe('/api/machineactions/abc');
  expect(loggedUrl('/api/machineactions?%24filter=status%20eq%20%27Pending%27&code=x&flag')).toBe(
    '/api/machineactions?%24filter=status%20eq%20%27Pending%27&code=[redacted]&flag',
  );
});

function withoutEmulatorVariables(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('MDE_EMULATOR_')) delete env[name];
  return env;
}
