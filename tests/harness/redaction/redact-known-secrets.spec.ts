import { redactText, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';

// Known secrets are found by a single scan of the text (redact.ts): the same answers as replacing each
// secret in turn, whatever the number registered.
test('every occurrence of every registered secret is replaced, wherever it stands', () => {
  registerSecret('opaque-alpha-1');
  registerSecret('opaque-beta-22');
  expect(redactText('opaque-alpha-1')).toBe('[REDACTED]');
  expect(redactText('a=opaque-alpha-1&b=opaque-beta-22&c=opaque-alpha-1.')).toBe(
    'a=[REDACTED]&b=[REDACTED]&c=[REDACTED].',
  );
  expect(redactText('opaque-alpha-1opaque-beta-22')).toBe('[REDACTED][REDACTED]');
  expect(redactText('opaque-alpha-')).toBe('opaque-alpha-');
});

test('of two secrets that begin alike, the longer is replaced whole', () => {
  registerSecret('shared-prefix');
  registerSecret('shared-prefix-and-more');
  registerSecret('shared-prefix-and');
  expect(redactText('x shared-prefix-and-more y shared-prefix z')).toBe('x [REDACTED] y [REDACTED] z');
  expect(redactText('x shared-prefix-and! y')).toBe('x [REDACTED]! y');
});

test('tokens that all begin alike, as JWTs do, are each found', () => {
  const tokens = Array.from({ length: 3000 }, (_, i) => `eyJhbGci.${'x'.repeat(i % 7)}${i}`);
  for (const token of tokens) registerSecret(token);
  expect(redactText(`a ${tokens[5]} b ${tokens[2999]} c`)).toBe('a [REDACTED] b [REDACTED] c');
});

test('thousands of registered tokens are all still found', () => {
  const tokens = Array.from({ length: 5000 }, (_, i) => `tok${i.toString(36).padStart(6, '0')}-opaque`);
  for (const token of tokens) registerSecret(token);
  expect(redactText(`first ${tokens[0]} last ${tokens[4999]}`)).toBe('first [REDACTED] last [REDACTED]');
  expect(redactText('nothing secret here')).toBe('nothing secret here');
});

test('an Entra client secret is redacted by its shape, registered or not', () => {
  const secret = 'Xy18Q~abcdefghijklmnopqrstuvwxyz0123456_';
  expect(redactText(`MDE_CLIENT_ID got "${secret}"`)).toBe('MDE_CLIENT_ID got "[REDACTED]"');
  // Pasted with a character too many, it is still hidden whole.
  expect(redactText(`"${secret}j"`)).toBe('"[REDACTED]"');
  // A GUID, or a word with a tilde, is not one.
  expect(redactText('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee ~Q~')).toBe(
    'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee ~Q~',
  );
});

// URLSearchParams (the token request's body) writes "~" as %7E and a space as "+", unlike
// encodeURIComponent; a token endpoint that quotes the body back quotes that form.
test('a registered secret is redacted in the form a form body gives it, and JSON-escaped', () => {
  registerSecret('form~secret "quoted" 42');
  expect(redactText('Invalid client secret provided (form%7Esecret+%22quoted%22+42).')).toBe(
    'Invalid client secret provided ([REDACTED]).',
  );
  expect(redactText(JSON.stringify({ message: 'got form~secret "quoted" 42' }))).toBe(
    '{"message":"got [REDACTED]"}',
  );
});

test('an Entra client secret is redacted by its shape where its "~" is form-encoded', () => {
  const secret = 'Xy18Q~abcdefghijklmnopqrstuvwxyz0123456_';
  const formEncoded = new URLSearchParams([['', secret]]).toString().slice(1);
  expect(formEncoded).toContain('Q%7E');
  expect(redactText(`secret provided (${formEncoded}).`)).toBe('secret provided ([REDACTED]).');
});
