import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { describeFetchError } from '../../../src/harness/http/fetch-error.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A target that answers bytes that are no HTTP (a status line "2OO WAT", a port of another protocol)
// read "HPE_INVALID_STATUS Parse Error: Invalid status code": Node's parser codes, not what is wrong.
// The reason names the target's fault in words, and keeps the code for whoever looks further.
let server: Server;
let port: number;
const sockets = new Set<Socket>();

test.beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.end('HTTP/1.1 2OO WAT\r\n\r\ngarbage');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
test.afterAll(() => {
  for (const socket of sockets) socket.destroy();
  return new Promise<void>((done) => server.close(() => done()));
});

// Node's parser code where fetch keeps it (Node 20, 22); its words where it does not (24.22.3, 26).
const SAYS = /^the target's answer is not valid HTTP \(invalid (status, HPE_INVALID_STATUS|status code)\)$/;

test('an answer that is no HTTP, by fetch, is named as such', async () => {
  const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
  expect(describeFetchError(error)).toMatch(SAYS);
});

test('an answer that is no HTTP, by node:http, is named as such', async () => {
  const error = await new Promise((done) => {
    request(`http://127.0.0.1:${port}/`, () => done(undefined))
      .on('error', done)
      .end();
  });
  expect(describeFetchError(error)).toMatch(SAYS);
});

test("fetch's parser error without a code is named by its words", () => {
  const cause = Object.assign(
    new Error('Response does not match the HTTP/1.1 protocol (Invalid status code)'),
    {
      name: 'HTTPParserError',
    },
  );
  const error = new TypeError('fetch failed', { cause });
  expect(describeFetchError(error)).toBe("the target's answer is not valid HTTP (invalid status code)");
});
