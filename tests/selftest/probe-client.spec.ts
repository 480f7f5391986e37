import { createServer, type Server } from 'node:http';
import { ProbeClient } from '../../src/selftest/calibration/probe-client.ts';
import { expect, test } from '../helpers/api-test.ts';

// The differential probe's client gives up on an answer that does not come, counting only the time
// this process could have read it: its emulators answer in the same process.

// `busyMs`: the emulator keeps this process busy that long before it answers, as under load.
async function listening(answer: boolean, busyMs = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    busyFor(busyMs);
    if (answer) res.end('{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}` };
}

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

test('an answer that came while this process was busy past the timeout is read, not lost', async () => {
  const { server, url } = await listening(true, 600);
  try {
    expect((await new ProbeClient(url, 200).send('GET', '/')).status).toBe(200);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('an answer that never comes is lost after the timeout', async () => {
  const { server, url } = await listening(false);
  try {
    await expect(new ProbeClient(url, 200).send('GET', '/x')).rejects.toThrow(
      'GET /x: no answer within 0.2 s',
    );
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
