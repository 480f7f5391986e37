import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { sendRaw } from '../../src/harness/http/raw-request.ts';
import { expect, test } from '../helpers/api-test.ts';

// The lean client (loopback targets, and bulk calls on any target) keeps connections alive for the
// rate tests' bursts, and lets an idle one go: a self-test worker meets 59 emulators in turn, and
// holding every connection it opened reached 9,000 sockets a worker, more than a 4,096 file limit allows.

async function server(): Promise<{
  url: string;
  connections: () => number;
  closed: Promise<void>;
  server: Server;
}> {
  let count = 0;
  let firstClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    firstClosed = resolve;
  });
  const srv = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  // The server would keep an idle connection for a minute: closing it is the client's doing.
  srv.keepAliveTimeout = 60_000;
  srv.on('connection', (socket) => {
    count++;
    socket.on('close', firstClosed);
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, connections: () => count, closed, server: srv };
}

const get = (url: string) => sendRaw({ url, method: 'GET', headers: {}, timeoutMs: 5_000 });

test('calls in a row share one kept-alive connection', async () => {
  const target = await server();
  try {
    for (let i = 0; i < 3; i++) expect((await get(target.url)).status).toBe(200);
    expect(target.connections()).toBe(1);
  } finally {
    target.server.closeAllConnections();
    target.server.close();
  }
});

test('an idle connection is closed by the client within seconds', async () => {
  const target = await server();
  try {
    expect((await get(target.url)).status).toBe(200);
    const outcome = await Promise.race([target.closed.then(() => 'closed'), delay(5_000, 'still open')]);
    expect(outcome).toBe('closed');
  } finally {
    target.server.closeAllConnections();
    target.server.close();
  }
});
