import { type RunningEmulator, startEmulator } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { exchange } from '../http/http-client.ts';
import { testKeys } from '../test-keys.ts';
import { readings } from './readings.ts';

// docs/contract.md#connection and docs/contract.md#framing, and the profile's latency, seen by a real
// HTTP client on loopback.
async function answerOf(options: Parameters<typeof startEmulator>[0]) {
  const emulator: RunningEmulator = await startEmulator({ port: 0, ...options }, await testKeys());
  try {
    const started = performance.now();
    const seen = await exchange(`${emulator.url}/_emulator/clock`);
    return { ...seen, ms: performance.now() - started };
  } finally {
    await emulator.close();
  }
}

test.describe('wire readings over HTTP', () => {
  test('default: Content-Length, and the connection stays open', async () => {
    const seen = await answerOf({});
    expect(seen.headers?.['content-length']).toBe(String(seen.body?.length));
    expect(seen.closedAfter).toBe(false);
  });

  test('connection close: Connection: close, and the server ends the connection', async () => {
    const seen = await answerOf(readings({ connection: 'close' }));
    expect(seen.headers?.['connection']).toBe('close');
    expect(seen.closedAfter).toBe(true);
  });

  test('framing chunked: Transfer-Encoding chunked without Content-Length, the body whole', async () => {
    const seen = await answerOf(readings({ framing: 'chunked' }));
    expect(seen.headers?.['transfer-encoding']).toBe('chunked');
    expect(seen.headers?.['content-length']).toBeUndefined();
    expect(JSON.parse(seen.body!)).toHaveProperty('now');
  });

  test('timing.latencyMs delays every answer at least that long', async () => {
    const seen = await answerOf({
      profileDocument: { profileVersion: 1, timing: { latencyMs: 60 }, points: {} },
    });
    expect(seen.ms).toBeGreaterThanOrEqual(55);
  });

  // The format allows Latin-1 in a header reading (obs-text), and a target's Latin-1 byte is read as
  // that character. Node wrote the header block together with a string body, in UTF-8: "é" went out
  // as C3 A9 and the suite read "Ã©", so no calibrated emulator answered as its file said.
  // U+0085 (NEL) too: the format takes Latin-1's C1 controls (obs-text bytes 80-9F), and both go out
  // and come back as they are.
  test('a Latin-1 header reading goes out as its Latin-1 byte, as fetch reads it back', async () => {
    const challenge = 'Bearer realm="café\u0085"';
    const emulator = await startEmulator(
      {
        port: 0,
        ...readings({ 'www-authenticate': challenge }),
      },
      await testKeys(),
    );
    try {
      const refused = await fetch(`${emulator.url}/api/machineactions`);
      expect([refused.status, refused.headers.get('www-authenticate')]).toEqual([401, challenge]);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('Unauthorized');
    } finally {
      await emulator.close();
    }
  });
});
