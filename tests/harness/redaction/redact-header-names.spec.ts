import { randomBytes } from 'node:crypto';
import type { Exchange } from '../../../src/harness/http/exchange.ts';
import { sendRaw } from '../../../src/harness/http/raw-request.ts';
import { redactedExchange } from '../../../src/harness/http/recorder.ts';
import { registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { jsonStandIn } from '../stand-ins/json-stand-in.ts';

// A target that reflects the bearer token it was sent into the name of a header, not its value: only
// values were redacted, and an exchange's attachment kept every name as the target sent it. Node and
// Playwright give names in lower case, which keeps a token of lower-case hex (an opaque token many
// servers issue: randomBytes(...).toString('hex')) exactly as it was issued.
test("a token a target reflects into a header's name reaches no exchange attachment", async () => {
  const token = randomBytes(24).toString('hex');
  registerSecret(token);
  const target = await jsonStandIn((req) =>
    req.json(404, { error: { code: 'ResourceNotFound', message: 'no' } }, { [`x-echo-${token}`]: '1' }),
  );
  try {
    const url = `${target.url}/api/machineactions/x`;
    const requestHeaders = { authorization: `Bearer ${token}` };
    const answer = await sendRaw({ url, method: 'GET', headers: requestHeaders, timeoutMs: 5_000 });
    const exchange: Exchange = {
      method: 'GET',
      url,
      pathTemplate: '/api/machineactions/{id}',
      requestHeaders,
      status: answer.status,
      headers: answer.headers,
      text: answer.text,
      body: JSON.parse(answer.text),
      durationMs: 1,
      receivedAt: 0,
    };
    expect(Object.keys(answer.headers)).toContain(`x-echo-${token}`);
    const attached = JSON.stringify(redactedExchange(exchange));
    expect(attached).not.toContain(token);
    // The header is still there, so a reader sees the target sent one.
    expect(attached).toContain('x-echo-[REDACTED]');
  } finally {
    await target.close();
  }
});
