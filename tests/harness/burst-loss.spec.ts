import { TransportError } from '../../src/harness/errors.ts';
import { burst } from '../fixtures/rate-limit.ts';
import { expect, test } from '../helpers/api-test.ts';
import { emulatorDriverAt } from './emulator-driver-at.ts';
import { jsonStandIn } from './json-stand-in.ts';

// An emulator that cannot take the rate tests' calls all at once (Python's socketserver listens with a
// backlog of 5) loses some of them: "no answer within 10 s" alone sent its author looking for a slow
// handler. The lost call's line says it was one of a burst, and where the docs say what to serve.
test('a call of a burst that gets no answer says it was one of the calls sent at once', async () => {
  let cancels = 0;
  const stand = await jsonStandIn(({ url, json }) => {
    if (url.startsWith('/_emulator/clock')) return json(200, { now: new Date().toISOString() });
    if (url === '/_emulator/apps') return json(201);
    if (url.endsWith('/oauth2/v2.0/token'))
      return json(200, { token_type: 'Bearer', access_token: 'a.b.c', expires_in: 3599 });
    // The sixth call is left unanswered, as one past a full listen queue is.
    if (++cancels !== 6) json(404, { error: { code: 'NotFound', message: 'no such action' } });
  });
  try {
    const driver = emulatorDriverAt(stand.url, 300);
    const client = await driver.client('operator');
    const error = await burst(driver, client, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toMatch(
      /^POST \/api\/machineactions\/\{id\}\/cancel: no answer within 300 ms \(one of 10 calls sent at once: docs\/interfaces\.md#emulator-surface\)$/,
    );
  } finally {
    stand.server.closeAllConnections();
    await stand.close();
  }
});
