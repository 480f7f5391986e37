import { redactHeaders, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { redactValue } from '../../../src/harness/redaction/redact-structure.ts';
import { expect, test } from '../../helpers/api-test.ts';

// redactValue once redacted the JSON text of a value and parsed it back: a credential member holding
// no string ("password": null, "access_token": 12) or a registered secret of digits inside a number
// became a bare [REDACTED], which is no JSON, and the recorder threw a SyntaxError on a target's answer
// instead of recording it. Values are redacted where they stand now, and the result is always data.
test('a credential member that holds no string leaves the value whole, its secret hidden', () => {
  expect(redactValue({ access_token: null, password: true, error: { id_token: 12 } })).toEqual({
    access_token: null,
    password: true,
    error: { id_token: '[REDACTED]' },
  });
  expect(redactValue({ my_password: 'two words', client_assertion_type: 'kept' })).toEqual({
    my_password: '[REDACTED]',
    client_assertion_type: 'kept',
  });
});

test('a registered secret of digits is hidden in a number and in a string, and the rest is kept', () => {
  registerSecret('73519264');
  expect(
    redactValue({ comment: 73519264, requestor: 'x 73519264 y', count: 12, nested: [1, 9735192640] }),
  ).toEqual({ comment: '[REDACTED]', requestor: 'x [REDACTED] y', count: 12, nested: [1, '[REDACTED]'] });
});

test('the Authorization member keeps its scheme, in any case, nested', () => {
  expect(
    redactValue({ headers: { Authorization: 'Bearer opaque-unregistered-9', 'proxy-authorization': 'x' } }),
  ).toEqual({ headers: { Authorization: 'Bearer [REDACTED]', 'proxy-authorization': '[REDACTED]' } });
});

// The first word of an Authorization value was kept as its scheme whatever it was: a target that
// echoed the bare token the suite sent (AUTH.SCHEME's "no scheme") with words after it, in a header or
// a member named so, had the token written into the exchange it recorded.
test('the first word of an Authorization value is kept only when it is a scheme, not a token', () => {
  const token = 'opaque-token-first-word-4c1e9a';
  registerSecret(token);
  expect(redactValue({ invalidAuthorization: `${token} is not a Bearer credential` })).toEqual({
    invalidAuthorization: '[REDACTED]',
  });
  expect(redactHeaders({ authorization: `${token} echoed`, 'www-authenticate': 'Bearer x' })).toEqual({
    authorization: '[REDACTED]',
    'www-authenticate': 'Bearer x',
  });
  const unregistered = 'a9Zq_7/unregistered+token=';
  expect(redactHeaders({ authorization: `${unregistered} echoed` })).toEqual({ authorization: '[REDACTED]' });
  for (const scheme of ['Bearer', 'basic', 'Negotiate', 'SCRAM-SHA-256', 'AWS4-HMAC-SHA256'])
    expect(redactHeaders({ authorization: `${scheme} x` })).toEqual({
      authorization: `${scheme} [REDACTED]`,
    });
});
