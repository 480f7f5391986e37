import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssuedTokens } from '../../../src/harness/redaction/issued-tokens.ts';
import { fingerprint } from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A process that was issued nothing (Playwright's runner) hides what the workers were issued, known
// to it by the fingerprints they leave in the run's file, read as the file grows.
function line(value: string): string {
  const { sha256, length } = fingerprint(value);
  return `${sha256} ${length}\n`;
}

test('a token the file fingerprints is hidden whole, as a JWT by its signature, and appended ones too', () => {
  const file = join(tempDir('issued-'), '.secrets-fingerprints');
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGkifQ.c2lnbmF0dXJlLW9mLWEtZmFrZQ';
  writeFileSync(file, line('opaque_Token-1a2b3c') + line(jwt));
  const issued = new IssuedTokens(file);
  expect(issued.redact('got "opaque_Token-1a2b3c" and Bearer ' + jwt)).toBe(
    'got "[REDACTED]" and Bearer [REDACTED]',
  );
  expect(issued.redact('access_token=opaque_Token-1a2b3c&x=1')).toBe('[REDACTED]&x=1');
  expect(issued.redact('opaque_Token-1a2b3 is not it')).toBe('opaque_Token-1a2b3 is not it');
  // A line still being written counts once it is whole.
  const later = line('app-secret_9z8y7x6w5v');
  appendFileSync(file, later.slice(0, 20));
  expect(issued.redact('app-secret_9z8y7x6w5v')).toBe('app-secret_9z8y7x6w5v');
  appendFileSync(file, later.slice(20));
  expect(issued.redact('(app-secret_9z8y7x6w5v)')).toBe('([REDACTED])');
});

test('no file, or a file emptied for a new run, hides what it holds then', () => {
  const file = join(tempDir('issued-'), '.secrets-fingerprints');
  const issued = new IssuedTokens(file);
  expect(issued.redact('nothing issued yet 1234567890')).toBe('nothing issued yet 1234567890');
  writeFileSync(file, line('first-run-token-abcdef') + line('first-run-token-ghijkl'));
  expect(issued.redact('first-run-token-abcdef')).toBe('[REDACTED]');
  writeFileSync(file, line('second-run-token'));
  expect(issued.redact('second-run-token first-run-token-ghijkl')).toBe('[REDACTED] [REDACTED]');
});
