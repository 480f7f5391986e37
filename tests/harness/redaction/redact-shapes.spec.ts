import { redactHeaders, redactText } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';

// Text from outside (an error body, an exception) can carry a credential nobody registered: these are
// redacted by where they stand, not by their value. None of the values below is registered.
test('a credential field is redacted by its name, in a form body and in JSON', () => {
  expect(redactText('client_secret=plain-unregistered-value&x=1')).toBe('client_secret=[REDACTED]&x=1');
  expect(redactText('{"access_token":"opaque-unregistered","token_type":"Bearer"}')).toBe(
    '{"access_token":"[REDACTED]","token_type":"Bearer"}',
  );
  expect(redactText('password: hunter-unregistered')).toBe('password: [REDACTED]');
});

test('an Authorization header in text keeps its scheme and loses its credential', () => {
  expect(redactText('Authorization: Bearer opaque-unregistered-2')).toBe('Authorization: Bearer [REDACTED]');
  expect(redactText('{"authorization":"Basic dXNlcjpwYXNz"}')).toBe('{"authorization":"Basic [REDACTED]"}');
});

// A request context keeps the cookies a target sets and sends them back: a session cookie is a
// credential whatever its shape, in the request's Cookie header as in the answer's Set-Cookie.
test('Cookie and Set-Cookie headers lose their values whatever they look like', () => {
  const redacted = redactHeaders({
    Cookie: 'session=opaque-unregistered-3',
    'set-cookie': 'session=opaque-unregistered-3; HttpOnly',
    'content-type': 'application/json',
  });
  expect(redacted).toEqual({
    Cookie: '[REDACTED]',
    'set-cookie': '[REDACTED]',
    'content-type': 'application/json',
  });
});
