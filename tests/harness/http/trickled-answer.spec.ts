import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendRaw, WireTimeout } from '../../../src/harness/http/raw-request.ts';
import { expect, test } from '../../helpers/api-test.ts';

// MDE_REQUEST_TIMEOUT_SECONDS is how long one exchange may take before it counts as lost
// (docs/interfaces.md#target-configuration). Only a stall was timed: a target that sent its answer a
// byte every half second never stalled, so the exchange never ended: the preflight stopped at its own
// 15 s guard with "Error: the preflight did not finish within 15 s", and a test at its 30 s timeout
// with "although no exchange was lost". Such an answer is now lost once the timeout has passed.
test('an answer that keeps trickling in is lost once the request timeout has passed', async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"now": "');
    // A byte five times in each timeout: never a stall.
    const timer = setInterval(() => res.write('2'), 100);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  try {
    const started = Date.now();
    const error = await sendRaw({
      url: `http://127.0.0.1:${port}/`,
      method: 'GET',
      headers: {},
      timeoutMs: 500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WireTimeout);
    expect((error as Error).message).toMatch(/^the answer did not end within 500 ms \(\d+ bytes came\)$/);
    expect(Date.now() - started).toBeLessThan(5_000);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
