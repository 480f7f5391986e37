import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { request } from '@playwright/test';
import { TransportError } from '../../../src/harness/errors.ts';
import { findingsOf, ofKind } from '../../../src/harness/evidence/finding.ts';
import { MAX_ANSWER_BYTES } from '../../../src/harness/http/answer-limit.ts';
import { ApiClient } from '../../../src/harness/http/api-client.ts';
import { sendRaw, WireLoss } from '../../../src/harness/http/raw-request.ts';
import { transmit } from '../../../src/harness/http/transport.ts';
import { expect, test } from '../../helpers/api-test.ts';

// An answer of hundreds of MB once ended the whole run (no string past 512 MiB, a native abort past
// 2 GiB). Past the cap the exchange is lost like any wire loss. The servers stream quickly to just over
// the real cap; a client that kept reading would meet the end of the server's 4x, or the test timeout.
const MIB = 1024 * 1024;
const BLOCK = Buffer.alloc(MIB, 0x20);

type Answer = (res: ServerResponse, sent: { bytes: number }) => void;

async function serve(answer: Answer) {
  const sent = { bytes: 0 };
  const server = createServer((req: IncomingMessage, res) => {
    req.resume();
    res.on('error', () => {});
    answer(res, sent);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/machineactions/x`;
  const stop = () => {
    server.closeAllConnections();
    server.close();
  };
  return { url, sent, stop };
}

// Spaces, then `{}`: JSON to the end, so only its size is wrong.
function stream(total: number): Answer {
  return (res, sent) => {
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    const pump = () => {
      while (!closed && sent.bytes < total) {
        sent.bytes += BLOCK.length;
        if (!res.write(BLOCK)) return void res.once('drain', pump);
      }
      if (!closed) res.end('{}');
    };
    pump();
  };
}

const streamed = (res: ServerResponse, sent: { bytes: number }) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  stream(4 * MAX_ANSWER_BYTES)(res, sent);
};

const get = (url: string) => sendRaw({ url, method: 'GET', headers: {}, timeoutMs: 30_000 });

test('the lean client stops reading a streamed answer past the cap', async () => {
  const target = await serve(streamed);
  try {
    const error = await get(target.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WireLoss);
    expect((error as Error).message).toMatch(
      /^the answer exceeded 16 MiB; an answer of this API is a few KB/,
    );
    expect(target.sent.bytes, 'the server was cut off').toBeLessThan(4 * MAX_ANSWER_BYTES);
  } finally {
    target.stop();
  }
});

test('the lean client refuses a declared Content-Length over the cap before any byte', async () => {
  // Headers only, then silence: a client that waited for the body would hang to the test timeout.
  const target = await serve((res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 * MIB) });
    res.flushHeaders();
  });
  try {
    const error = await get(target.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WireLoss);
    expect((error as Error).message).toMatch(
      /^the answer declared 1073741824 bytes \(Content-Length\), over the 16 MiB the suite reads/,
    );
  } finally {
    target.stop();
  }
});

test('the lean client refuses a body that decodes to more than the cap', async () => {
  // About 17 KB on the wire.
  const bomb = gzipSync(Buffer.alloc(MAX_ANSWER_BYTES + MIB, 0x20));
  const target = await serve((res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(bomb);
  });
  try {
    const error = await get(target.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WireLoss);
    expect((error as Error).message).toMatch(/^the answer's gzip body decoded to more than 16 MiB/);
  } finally {
    target.stop();
  }
});

test('an answer just under the cap is read whole', async () => {
  const target = await serve((res, sent) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    stream(MAX_ANSWER_BYTES - MIB)(res, sent);
  });
  try {
    const answer = await get(target.url);
    expect(answer.text.length).toBe(MAX_ANSWER_BYTES - MIB + 2);
  } finally {
    target.stop();
  }
});

test.describe("Playwright's request context (remote targets)", () => {
  const through = async (url: string) => {
    const context = await request.newContext();
    try {
      return await transmit({ request: async () => context, timeoutMs: 30_000 }, false, {
        url,
        method: 'GET',
        headers: {},
        contentType: 'application/json',
        quiet: false,
      });
    } finally {
      await context.dispose();
    }
  };

  test('an undeclared size over the cap is lost before it becomes text', async () => {
    const target = await serve((res, sent) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      stream(MAX_ANSWER_BYTES + MIB)(res, sent);
    });
    try {
      const error = await through(target.url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WireLoss);
      expect((error as Error).message).toMatch(/^the answer exceeded 16 MiB/);
    } finally {
      target.stop();
    }
  });

  test('a declared size over the cap is lost before the body is copied', async () => {
    const size = MAX_ANSWER_BYTES + MIB;
    const target = await serve((res, sent) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(size + 2) });
      stream(size)(res, sent);
    });
    try {
      const error = await through(target.url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WireLoss);
      expect((error as Error).message).toMatch(/^the answer declared 17825794 bytes \(Content-Length\)/);
    } finally {
      target.stop();
    }
  });
});

test('a huge answer to the API client is a lost exchange: no verdict, no violation', async () => {
  const target = await serve(streamed);
  const api = new ApiClient({
    http: {
      request: () => Promise.reject(new Error('loopback goes through the lean client')),
      timeoutMs: 30_000,
    },
    baseUrl: new URL(target.url).origin,
    caller: { label: 'operator', authorization: async () => 'Bearer x' },
  });
  try {
    const error = await api.get('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as Error).message).toMatch(
      /^GET \/api\/machineactions\/\{id\}: the answer exceeded 16 MiB/,
    );
    const findings = findingsOf(test.info().annotations);
    expect(ofKind(findings, 'no-verdict')).toEqual([
      { kind: 'no-verdict', cause: 'wire', code: 'TRANSPORT', text: (error as Error).message },
    ]);
    expect(ofKind(findings, 'violation')).toEqual([]);
  } finally {
    target.stop();
  }
});
