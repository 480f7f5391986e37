import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { privateKeyPem } from '../../helpers/private-key-pem.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { scan, workspace } from './leak-workspace.ts';

// Secrets found by their shape, where no configured value names them (an Entra client secret, a PEM key).
test.afterEach(removeTempDirs);

test('an Entra client secret whose "~" is form-encoded is found by shape', () => {
  const { root, env } = workspace();
  writeFileSync(
    join(root, 'reports', 'notes.md'),
    'quoted back: Xy18Q%7Eabcdefghijklmnopqrstuvwxyz0123456_.',
  );
  const { findings } = scan({ root, env });
  expect(findings).toContainEqual({ file: 'reports/notes.md', what: 'an Entra client secret' });
});

test('a value shaped like an Entra client secret is found even where no variable configured it', () => {
  const { root, env } = workspace();
  writeFileSync(join(root, 'reports', 'notes.md'), 'pasted: Xy18Q~abcdefghijklmnopqrstuvwxyz0123456_ here');
  writeFileSync(join(root, 'reports', 'ids.md'), 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee and 8Q~short');
  const { findings } = scan({ root, env });
  expect(findings).toContainEqual({ file: 'reports/notes.md', what: 'an Entra client secret' });
  expect(findings.filter((f) => f.file === 'reports/ids.md')).toEqual([]);
});

test('a PEM private key is found by shape, and the configured one even without its header', () => {
  const key = privateKeyPem('leak-scan-found');
  const { root, env } = workspace();
  writeFileSync(join(root, 'operator.pem'), key);
  writeFileSync(join(root, 'token'), 'opaque-federated-token-3c4d');
  writeFileSync(join(root, 'test-results', 'log.json'), JSON.stringify({ stderr: `loaded\n${key}` }));
  // The key as one base64 string (a JWK-less export, a debug print): only the configured value finds it.
  const unwrapped = key.split('\n').slice(1, -2).join('');
  writeFileSync(
    join(root, 'allure-results', 'der.txt'),
    `der=${unwrapped} assertion=opaque-federated-token-3c4d`,
  );
  const found = scan({
    root,
    env: { ...env, MDE_CLIENT_CERTIFICATE_PATH: 'operator.pem', AZURE_FEDERATED_TOKEN_FILE: 'token' },
  }).findings;
  expect(found).toEqual([
    { file: 'test-results/log.json', what: 'the private key in the file of MDE_CLIENT_CERTIFICATE_PATH' },
    { file: 'test-results/log.json', what: 'a PEM private key' },
    { file: 'allure-results/der.txt', what: 'the private key in the file of MDE_CLIENT_CERTIFICATE_PATH' },
    { file: 'allure-results/der.txt', what: 'the token in the file of AZURE_FEDERATED_TOKEN_FILE' },
  ]);
});
