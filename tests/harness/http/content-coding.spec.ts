import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { request } from '@playwright/test';
import { findingsOf, ofKind } from '../../../src/harness/evidence/finding.ts';
import { ApiClient } from '../../../src/harness/http/api-client.ts';
import { decodeBody } from '../../../src/harness/http/content-coding.ts';
import { sendRaw } from '../../../src/harness/http/raw-request.ts';
import { redactedExchange } from '../../../src/harness/http/recorder.ts';
import { transmit } from '../../../src/harness/http/transport.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A real tenant has answered deflated: a compressed answer is read as the target meant it, or a lawful
// target gets "body is not JSON". The lean client offers exactly the codings it undoes.
const ENVELOPE = { error: { code: 'ResourceNotFound', message: 'Action not found', target: 'x' } };
const JSON_TEXT = JSON.stringify(ENVELOPE);

// [what the test calls it, Content-Encoding, how the body was made]
const CODINGS: [string, string, (bytes: Buffer) => Buffer][] = [
  ['gzip', 'gzip', gzipSync],
  ['x-gzip', 'x-gzip', gzipSync],
  ['deflate (zlib-wrapped, as RFC 9110 says)', 'deflate', deflateSync],
  ['deflate (raw, as some servers send it)', 'Deflate', deflateRawSync],
  ['br', 'br', brotliCompressSync],
  ['gzip then br', 'gzip, br', (bytes) => brotliCompressSync(gzipSync(bytes))],
];

// A loopback server that answers 404 with the envelope in the given coding, and what it was asked.
async function serve(coding: string, body: Buffer) {
  const asked: Record<string, string | string[] | undefined>[] = [];
  const server = createServer((req, res) => {
    asked.push(req.headers);
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json', 'content-encoding': coding });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = () => {
    server.closeAllConnections();
    server.close();
  };
  return { origin, asked, stop };
}

for (const [name, coding, encode] of CODINGS) {
  test(`an answer in ${name} is read decoded, its headers as received`, async () => {
    const target = await serve(coding, encode(Buffer.from(JSON_TEXT)));
    try {
      const answer = await sendRaw({
        url: `${target.origin}/x`,
        method: 'GET',
        headers: {},
        timeoutMs: 5_000,
      });
      expect(answer.text).toBe(JSON_TEXT);
      expect(answer.headers['content-encoding']).toBe(coding);
      // The headers given, and the codings the client undoes.
      expect(target.asked[0]?.['accept-encoding']).toBe('gzip, deflate, br');
    } finally {
      target.stop();
    }
  });
}

test('an answer in an unknown coding is kept as received', async () => {
  const bytes = Buffer.from('not a coding we know');
  const target = await serve('zstd', bytes);
  try {
    const answer = await sendRaw({ url: `${target.origin}/x`, method: 'GET', headers: {}, timeoutMs: 5_000 });
    expect(answer.text).toBe('not a coding we know');
  } finally {
    target.stop();
  }
});

// A request without Accept-Encoding accepts any coding (RFC 9110 §12.5.3): a target that then answered
// in zstd, which Node 20 cannot undo, was lawful and failed every requirement ("body is not JSON").
// Offered the codings the client reads, it answers in one of them, as RFC 9110 asks.
test('a target free to choose any coding is offered only those the client reads', async () => {
  const server = createServer((req, res) => {
    req.resume();
    const offered = req.headers['accept-encoding'];
    const gzip = offered !== undefined && /\bgzip\b/.test(offered);
    res.writeHead(404, { 'content-type': 'application/json', 'content-encoding': gzip ? 'gzip' : 'zstd' });
    // Not real zstd: bytes no client here could read, as zstd is to Node 20.
    res.end(gzip ? gzipSync(Buffer.from(JSON_TEXT)) : Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const answer = await sendRaw({ url, method: 'GET', headers: {}, timeoutMs: 5_000 });
    expect(answer.text).toBe(JSON_TEXT);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('bytes that do not decode are kept as received, to be judged as the target sent them', () => {
  const bytes = Buffer.from(JSON_TEXT);
  expect(decodeBody(bytes, 'gzip', 1024)).toEqual({ bytes });
  expect(decodeBody(bytes, 'gzip, constructor', 1024)).toEqual({ bytes });
});

test('a coding that decodes past the limit is too large, whichever wrapping deflate has', () => {
  const big = Buffer.alloc(4096, 0x20);
  expect(decodeBody(deflateSync(big), 'deflate', 1024)).toEqual({ tooLarge: 'deflate' });
  expect(decodeBody(deflateRawSync(big), 'deflate', 1024)).toEqual({ tooLarge: 'deflate' });
  expect(decodeBody(brotliCompressSync(big), 'br', 1024)).toEqual({ tooLarge: 'br' });
  expect(decodeBody(gzipSync(big), 'gzip', 4096)).toEqual({ bytes: big });
});

test('a deflated 404 envelope meets the contract and is recorded decoded', async () => {
  const target = await serve('deflate', deflateSync(Buffer.from(JSON_TEXT)));
  const api = new ApiClient({
    http: {
      request: () => Promise.reject(new Error('loopback goes through the lean client')),
      timeoutMs: 5_000,
    },
    baseUrl: target.origin,
    caller: { label: 'operator', authorization: async () => 'Bearer x' },
  });
  try {
    const res = await api.get('00000000-0000-0000-0000-000000000000');
    expect(res.body).toEqual(ENVELOPE);
    expect(ofKind(findingsOf(test.info().annotations), 'violation')).toEqual([]);
    const recorded = redactedExchange(res).response as { headers: Record<string, string>; body: unknown };
    expect(recorded.headers['content-encoding']).toBe('deflate');
    expect(recorded.body).toEqual(ENVELOPE);
  } finally {
    target.stop();
  }
});

// Remote targets (a tenant) go through Playwright's request context, which offered deflate by default
// but inflates only the zlib-wrapped form: a server that deflates raw, as the lean client accepts,
// lost every exchange to "failed to decompress". A server that picks deflate whenever it is offered,
// and gzip otherwise, must be read there too.
test('through the request context of remote targets, a server that deflates raw is read', async () => {
  const asked: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    const offered = req.headers['accept-encoding'];
    asked.push(offered);
    req.resume();
    const deflate = /\bdeflate\b/.test(offered ?? '');
    res.writeHead(404, {
      'content-type': 'application/json',
      'content-encoding': deflate ? 'deflate' : 'gzip',
    });
    res.end((deflate ? deflateRawSync : gzipSync)(Buffer.from(JSON_TEXT)));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const context = await request.newContext();
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/machineactions/x`;
    const answer = await transmit({ request: async () => context, timeoutMs: 5_000 }, false, {
      url,
      method: 'GET',
      headers: {},
      contentType: null,
      quiet: false,
    });
    expect(answer.text).toBe(JSON_TEXT);
    expect(asked[0]).not.toMatch(/deflate/);
  } finally {
    await context.dispose();
    server.closeAllConnections();
    server.close();
  }
});
