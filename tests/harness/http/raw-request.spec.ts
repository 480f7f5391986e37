import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { sendRaw } from '../../../src/harness/http/raw-request.ts';
import { expect, test } from '../../helpers/api-test.ts';

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

// An embedded emulator answers in the client's own process: a rate test's burst keeps that process
// busy, and on a loaded machine (several `npm test` on 2 cores) a busy stretch outlasted a wire-fault
// target's 1 s timeout, so lawful exchanges were lost (the self-test's flake). Time the process spends
// busy is not time the target kept the answer back.
test("time the client's own process spends busy does not count against the exchange's timeout", async () => {
  const srv = createServer((req, res) => {
    req.resume();
    // Busy in turns, as a burst's calls are served one after another, for twice the timeout.
    const until = performance.now() + 600;
    const turn = () => {
      const end = performance.now() + 20;
      while (performance.now() < end);
      if (performance.now() < until) setImmediate(turn);
      else res.end('{}');
    };
    req.on('end', turn);
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = srv.address() as AddressInfo;
    const answer = await sendRaw({
      url: `http://127.0.0.1:${port}/`,
      method: 'GET',
      headers: {},
      timeoutMs: 300,
    });
    expect(answer.status).toBe(200);
  } finally {
    srv.closeAllConnections();
    srv.close();
  }
});

test('an answer that never comes is lost on time while the process idles', async () => {
  // Answers nothing: the connection stays open.
  const srv = createServer(() => {});
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = srv.address() as AddressInfo;
    const started = performance.now();
    const lost = await sendRaw({
      url: `http://127.0.0.1:${port}/`,
      method: 'GET',
      headers: {},
      timeoutMs: 300,
    }).catch((e: Error) => e);
    expect(String(lost)).toBe('WireLoss: no answer within 300 ms');
    // Not the test's timeout; a loaded machine may wake the process late.
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    expect(performance.now() - started).toBeLessThan(15_000);
  } finally {
    srv.closeAllConnections();
    srv.close();
  }
});
