import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { SECRET, scan, workspace } from './leak-workspace.ts';

// The leak scan looks for every value the configuration holds (the environment and .env), in the forms
// a request may have written it.
test.afterEach(removeTempDirs);

test('a planted client secret in a report file is found, and the finding names the file, not the secret', () => {
  const { root, env } = workspace();
  writeFileSync(
    join(root, 'reports', 'compliance.md'),
    `reason: sent client_secret ${encodeURIComponent(SECRET)}`,
  );
  const { findings } = scan({ root, env });
  expect(findings).toEqual([{ file: 'reports/compliance.md', what: 'the value of MDE_CLIENT_SECRET' }]);
  expect(JSON.stringify(findings)).not.toContain(SECRET);
});

test('a client secret written only URL-encoded, as in a form body, is found', () => {
  const { root, env } = workspace();
  const secret = 'form+encoded/secret=value~9';
  writeFileSync(join(root, 'reports', 'compliance.md'), `body: client_secret=${encodeURIComponent(secret)}`);
  const { findings } = scan({ root, env: { ...env, MDE_CLIENT_SECRET: secret } });
  expect(findings).toEqual([{ file: 'reports/compliance.md', what: 'the value of MDE_CLIENT_SECRET' }]);
});

// The token request's body is URLSearchParams's: "~" there is %7E, where encodeURIComponent leaves it,
// and a token endpoint that quotes the body back writes that form into the sign-in error.
test('a client secret written as a form body writes it (~ as %7E) is found', () => {
  const { root, env } = workspace();
  const secret = 'plainLetters~andDigits42';
  const body = new URLSearchParams({ client_secret: secret }).toString().slice('client_secret='.length);
  expect(body).toBe('plainLetters%7EandDigits42');
  writeFileSync(join(root, 'reports', 'compliance.md'), `Invalid client secret provided (${body}).`);
  const { findings } = scan({ root, env: { ...env, MDE_CLIENT_SECRET: secret } });
  expect(findings).toEqual([{ file: 'reports/compliance.md', what: 'the value of MDE_CLIENT_SECRET' }]);
});

test('client ids are findings in reports/ only', () => {
  const { root, env } = workspace();
  const clientId = '11111111-2222-3333-4444-555555555555';
  writeFileSync(join(root, 'reports', 'compliance.json'), `{"app":"${clientId}"}`);
  writeFileSync(join(root, 'test-results', 'request.txt'), `client_id=${clientId}`);
  expect(scan({ root, env: { ...env, MDE_CLIENT_ID: clientId } }).findings).toEqual([
    { file: 'reports/compliance.json', what: 'the value of MDE_CLIENT_ID' },
  ]);
});

test('a secret set only in the .env file of the working directory is found', () => {
  const { root, env } = workspace();
  writeFileSync(join(root, '.env'), 'MDE_LIMITED_CLIENT_SECRET=only-in-dotenv-9f8e7d\n');
  writeFileSync(join(root, 'allure-results', 'x-attachment.txt'), 'client_secret: only-in-dotenv-9f8e7d');
  expect(scan({ root, env }).findings).toEqual([
    { file: 'allure-results/x-attachment.txt', what: 'the value of MDE_LIMITED_CLIENT_SECRET' },
  ]);
});

test('the Azure SDK namesakes and the role apps are looked for too', () => {
  const { root, env } = workspace();
  const roleId = '66666666-2222-4333-8444-555555555555';
  writeFileSync(join(root, 'test-results', 'a.txt'), 'az: azure-fallback-secret; role: role-secret-value');
  writeFileSync(join(root, 'reports', 'compliance.md'), `app ${roleId.toUpperCase()}`);
  const found = scan({
    root,
    env: {
      ...env,
      AZURE_CLIENT_SECRET: 'azure-fallback-secret',
      MDE_ROLE_ISOLATE_CLIENT_SECRET: 'role-secret-value',
      MDE_ROLE_ISOLATE_CLIENT_ID: roleId,
    },
  }).findings;
  expect(found).toEqual([
    { file: 'reports/compliance.md', what: 'the value of MDE_ROLE_ISOLATE_CLIENT_ID' },
    { file: 'test-results/a.txt', what: 'the value of AZURE_CLIENT_SECRET' },
    { file: 'test-results/a.txt', what: 'the value of MDE_ROLE_ISOLATE_CLIENT_SECRET' },
  ]);
});
