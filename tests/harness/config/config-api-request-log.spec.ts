import { spawnSync } from 'node:child_process';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { logsApiRequests } from '../../../src/harness/config/api-request-log.ts';
import { loadConfig } from '../../../src/harness/config/load-config.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { problems, TENANT } from './config-env.ts';

// DEBUG=pw:api, the first thing a person sets to see why API calls fail, makes Playwright print each
// request of a request context with its headers, Authorization whole, on the worker's stderr: the list
// reporter prints that as it comes. A tenant on a Microsoft host is called through a request context,
// so a tenant run with it printed the tenant's bearer tokens on the CI log, where no redaction reaches.
test('a tenant run on a Microsoft host refuses DEBUG that turns on the API log, naming the variable', () => {
  for (const debug of ['pw:api', 'pw:*', '*', 'pw:browser,pw:api', 'pw:test pw:api'])
    expect(problems({ ...TENANT, DEBUG: debug }), debug).toEqual([
      expect.stringMatching(/^ConfigError: DEBUG turns on Playwright's API log \(pw:api\)/),
    ]);
});

// Playwright's channel log prints each message its client sends, a fetch's headers among them: the
// "leave pw:api out" the refusal suggested (pw:*,-pw:api) still printed the bearer token through it.
test('a tenant run on a Microsoft host refuses DEBUG that turns on the channel log too', () => {
  for (const debug of ['pw:channel', 'pw:chan*', 'pw:*,-pw:api', '*,-pw:api'])
    expect(problems({ ...TENANT, DEBUG: debug }), debug).toEqual([
      expect.stringMatching(/^ConfigError: DEBUG turns on Playwright's channel log \(pw:channel\)/),
    ]);
  expect(problems({ ...TENANT, DEBUG: 'pw:*' })[0]).toContain('(DEBUG=pw:*,-pw:api,-pw:channel)');
});

test('DEBUG that leaves the API log out, and a loopback tenant the suite calls with its own client, are fine', () => {
  for (const debug of ['pw:*,-pw:api,-pw:channel', 'pw:browser', 'pw:apix', 'pw:channels', '', 'express:*'])
    expect(() => loadConfig({ ...TENANT, DEBUG: debug }), debug).not.toThrow();
  expect(() =>
    loadConfig({ ...TENANT, DEBUG: 'pw:api', MDE_API_BASE_URL: 'http://127.0.0.1:4010' }),
  ).not.toThrow();
  expect(logsApiRequests(undefined)).toBe(false);
});

// What the refusal is for: Playwright's API log prints the header as it was sent.
test("Playwright's API and channel logs print a request's Authorization header whole", () => {
  const script = `
    import { request } from '@playwright/test';
    const context = await request.newContext();
    await context.fetch('http://127.0.0.1:9/', { headers: { authorization: 'Bearer logged-token-value' }, timeout: 2000 }).catch(() => {});
    await context.dispose();`;
  const logged = (debug: string) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, DEBUG: debug },
      encoding: 'utf8',
      timeout: 20_000,
    }).stderr;
  expect(logged('pw:api')).toContain('authorization: Bearer logged-token-value');
  expect(logged('pw:channel')).toContain('"value":"Bearer logged-token-value"');
});
