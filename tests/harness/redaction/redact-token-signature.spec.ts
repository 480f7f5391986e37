import { createSign, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import type { Exchange } from '../../../src/harness/http/exchange.ts';
import { redactedExchange } from '../../../src/harness/http/recorder.ts';
import { redactText, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { recordIssuedSecret } from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

// A JWT's signature is its secret part: the leak scan fingerprints it alone (secret-fingerprints.ts),
// and anyone holding it and the token's guessable header and claims holds the token. A target that
// reflected only the signature of the bearer token it was sent (in a header, a body) had it written
// into the exchange's attachment, as the worker redacted the registered token only whole: a run
// against such a target ended with 464 leak-scan findings across allure-results/ and allure-report/.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signed = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ aud: 'https://api.test', jti: 'signature-only' })}`;
const signature = createSign('RSA-SHA256').update(signed).sign(privateKey).toString('base64url');
const token = `${signed}.${signature}`;

test.afterAll(() => removeTempDirs());

test('a target that reflects only the signature of the bearer token it was sent leaves it in no attachment', () => {
  recordIssuedSecret(token, join(tempDir('token-signature-'), 'fingerprints'));
  const exchange: Exchange = {
    method: 'GET',
    url: 'http://127.0.0.1:4010/api/machineactions/x',
    pathTemplate: '/api/machineactions/{id}',
    requestHeaders: { authorization: `Bearer ${token}` },
    status: 404,
    headers: { 'content-type': 'application/json', 'x-echo-signature': signature },
    text: '',
    body: { error: { code: 'ResourceNotFound', message: `no action; your signature was ${signature}` } },
    durationMs: 1,
    receivedAt: 0,
  };
  const attached = JSON.stringify(redactedExchange(exchange));
  expect(attached).not.toContain(signature);
  expect(attached).toContain('your signature was [REDACTED]');
});

// The signature found as a known secret and the JWT by its shape were two replacements side by side.
test('a JWT whose signature is a known secret is one [REDACTED]', () => {
  const signature = 'c2lnbmF0dXJlLW9mLWEtand0LXRlc3Q';
  registerSecret(signature);
  expect(redactText(`token eyJhbGciOiJub25lIn0.eyJzdWIiOiJzaWcifQ.${signature} end`)).toBe(
    'token [REDACTED] end',
  );
});
