import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from '@playwright/test';
import { transmit } from '../../../src/harness/http/transport.ts';
import { expect, test } from '../../helpers/api-test.ts';

// SCHEMA.CONTENTTYPE holds whatever a client asks for, and .NET's HttpClient asks for nothing: a call
// made without Accept reaches the target without one on a remote target's path too (lean false),
// where Playwright's request context adds one of its own to a request that names none.
test('a call without Accept reaches a remote target without one', async () => {
  const asked: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    asked.push(req.headers.accept);
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NotFound', message: 'm' } }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const context = await request.newContext();
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/machineactions/x`;
    const http = { request: async () => context, timeoutMs: 5_000 };
    const call = { url, method: 'GET', headers: {}, contentType: null, quiet: false };
    await transmit(http, false, { ...call, withoutAccept: true });
    await transmit(http, false, call);
    expect(asked[0]).toBeUndefined();
    expect(asked[1], "the request context's own").toBeDefined();
  } finally {
    await context.dispose();
    server.closeAllConnections();
    server.close();
  }
});
