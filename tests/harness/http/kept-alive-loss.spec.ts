import { createServer, type Server } from 'node:net';
import { KEPT_ALIVE_CLOSED, sendRaw } from '../../../src/harness/http/raw-request.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A target that closes idle kept-alive connections sooner than the client stops reusing them loses
// a request now and then, which read "connection reset before the answer was complete" with no hint
// of the cause (seen: 22 of 60 calls lost against a server closing idle connections after 100 ms).
// Made certain here: the server answers the first request of a connection and closes it (FIN, no
// answer) when a second arrives, as one does that closes it just as the client reuses it.

let server: Server;
let url: string;

test.beforeAll(async () => {
  server = createServer((socket) => {
    let requests = 0;
    socket.on('error', () => {});
    socket.on('data', () => {
      requests += 1;
      if (requests === 1) socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}');
      else socket.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  url = `http://127.0.0.1:${port}/api/machineactions`;
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

const send = () => sendRaw({ url, method: 'GET', headers: {}, timeoutMs: 3_000 });

test('a kept-alive connection closed as a request reuses it is named as such, with what to fix', async () => {
  expect((await send()).status).toBe(200);
  const error = (await send().catch((e: unknown) => e)) as Error;
  expect(error.message).toBe(KEPT_ALIVE_CLOSED);
  expect(KEPT_ALIVE_CLOSED).toContain('keep idle connections open over 1 s');
});

// A target that closes the connection on a request its handler failed on (a Python handler that
// raised, on a connection kept alive as the docs ask) is seen the same way by the client, which cannot
// tell the two apart: it was told only to keep idle connections open, the wrong place to look.
test('a kept-alive connection closed on a request is not blamed on idling alone', async () => {
  expect((await send()).status).toBe(200);
  const error = (await send().catch((e: unknown) => e)) as Error;
  expect(error.message).toContain('the target dropped the request, or closed the connection as idle');
  expect(error.message).toMatch(/Answer every request; keep idle connections open over 1 s \(docs\/[^)]+\)$/);
});

test('a fresh connection closed with no answer is not blamed on keep-alive', async () => {
  const once = createServer((socket) => {
    socket.on('error', () => {});
    socket.on('data', () => socket.end());
  });
  await new Promise<void>((done) => once.listen(0, '127.0.0.1', done));
  const { port } = once.address() as { port: number };
  const error = (await sendRaw({
    url: `http://127.0.0.1:${port}/`,
    method: 'GET',
    headers: {},
    timeoutMs: 3_000,
  }).catch((e: unknown) => e)) as Error;
  await new Promise<void>((done) => once.close(() => done()));
  expect(error.message).toBe('connection reset before the answer was complete');
});
