import type { Exchange } from '../../../src/harness/http/exchange.ts';
import { redactedExchange } from '../../../src/harness/http/recorder.ts';
import { registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';

// What an exchange's attachment holds of an answer that is not JSON: its first 4,000 characters, after
// redaction. Cut first, a registered token that straddled the cut kept its first part, which matches
// the whole value no more, and went into the report as it was.

const answer = (text: string): Exchange => ({
  method: 'GET',
  url: 'http://127.0.0.1:4010/api/machineactions/x',
  pathTemplate: '/api/machineactions/{id}',
  requestHeaders: {},
  status: 500,
  headers: { 'content-type': 'text/html' },
  text,
  body: undefined,
  durationMs: 1,
  receivedAt: 0,
});

test('a registered token cut by the 4,000-character limit of a text answer leaves none of itself', () => {
  const token = 'opaque-token-value-0123456789abcdefghijklmnopqrstuvwxyz';
  registerSecret(token);
  const text = `${'x'.repeat(3990)}${token} and the rest of the page`;
  const body = (redactedExchange(answer(text)).response as { body: string }).body;
  expect(body.length).toBeLessThanOrEqual(4000);
  expect(body).not.toContain(token.slice(0, 10));
});
