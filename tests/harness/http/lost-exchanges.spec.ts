import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransportError } from '../../../src/harness/errors.ts';
import { findingsOf, ofKind } from '../../../src/harness/evidence/finding.ts';
import { ApiClient } from '../../../src/harness/http/api-client.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A wire that misbehaves the way a proxy in front of a target can: each exchange is lost, and the
// client says which exchange and how, within its own timeout, never the test's.
type Misbehaviour = 'reset' | 'no answer' | 'truncated' | 'unfinished chunks' | 'gateway page';

async function target(how: Misbehaviour): Promise<{ api: ApiClient; server: Server }> {
  const server = createServer((req, res) => {
    if (how === 'reset') req.socket.destroy();
    else if (how === 'truncated') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"id": "abc", "sta');
      setTimeout(() => req.socket.destroy(), 5);
    } else if (how === 'unfinished chunks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": ');
      setTimeout(() => req.socket.destroy(), 5);
    } else if (how === 'gateway page') {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html><body>Service Unavailable</body></html>');
    }
    // 'no answer': nothing at all.
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const api = new ApiClient({
    http: {
      request: () => Promise.reject(new Error('loopback goes through the lean client')),
      timeoutMs: 300,
    },
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    caller: { label: 'operator', authorization: async () => 'Bearer x' },
    // As for a remote target (on loopback an emulator's 5xx page is its own answer: see below).
    behindGateway: how === 'gateway page',
  });
  return { api, server };
}

const cases: [Misbehaviour, RegExp][] = [
  ['reset', /connection (reset|closed)/],
  ['no answer', /no answer within 300 ms/],
  ['truncated', /the answer ended after 18 of 500 bytes/],
  ['unfinished chunks', /the answer ended after \d+ bytes, before its last chunk/],
  ['gateway page', /a gateway answered 503 without a JSON body/],
];

for (const [how, reason] of cases) {
  test(`an exchange whose ${how} is a TransportError naming it, and the test reached no verdict`, async () => {
    const { api, server } = await target(how);
    const started = performance.now();
    const error = await api.cancel('abc', { Comment: 'c' }).catch((e) => e);
    server.closeAllConnections();
    server.close();
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/^POST \/api\/machineactions\/\{id\}\/cancel: /);
    expect(error.message).toMatch(reason);
    // A hang's bound, not a speed: a loaded machine woke the process seconds late.
    expect(performance.now() - started, 'well within a test timeout').toBeLessThan(15_000);
    const [lost] = ofKind(findingsOf(test.info().annotations), 'no-verdict');
    expect(lost).toEqual({ kind: 'no-verdict', cause: 'wire', code: 'TRANSPORT', text: error.message });
  });
}

// Playwright prints each error it ended a test with, its stack and its causes' stacks: an emulator that
// drops connections is its author's to fix, so the loss reads as its line and the causes' lines, without
// frames of the suite's client or of Node's (DEBUG=1 keeps them), as a control protocol error does.
test("a lost exchange prints as its line and its causes' lines, without a stack unless DEBUG is set", async () => {
  const frames = (error: unknown): string[] => {
    const all: string[] = [];
    for (let e = error as Error | undefined, depth = 0; e && depth < 5; e = e.cause as Error, depth++)
      all.push(...(e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)));
    return all;
  };
  const { api, server } = await target('reset');
  const error = await api.cancel('abc', { Comment: 'c' }).catch((e) => e);
  expect(error).toBeInstanceOf(TransportError);
  expect(error.stack).toBe(`TransportError: ${error.message}`);
  expect(frames(error)).toEqual([]);
  expect(String((error.cause as Error)?.message)).toMatch(/connection (reset|closed)/);
  const before = process.env.DEBUG;
  process.env.DEBUG = '1';
  try {
    const debugged = await api.cancel('abc', { Comment: 'c' }).catch((e) => e);
    expect(frames(debugged).length).toBeGreaterThan(0);
  } finally {
    if (before === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = before;
    server.closeAllConnections();
    server.close();
  }
});

test("on loopback a 503 page is the emulator's own answer: judged, not lost", async () => {
  const server = createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'text/html' });
    res.end('<html><body>Service Unavailable</body></html>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const api = new ApiClient({
    http: { request: () => Promise.reject(new Error('lean client on loopback')), timeoutMs: 300 },
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    caller: { label: 'operator', authorization: async () => 'Bearer x' },
  });
  const res = await api.cancel('abc', { Comment: 'c' });
  server.close();
  expect(res.status).toBe(503);
  expect(ofKind(findingsOf(test.info().annotations), 'no-verdict')).toEqual([]);
});
